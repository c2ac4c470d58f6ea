package io.flotilla.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.bench.BenchCase;
import io.flotilla.bench.BenchMix;
import io.flotilla.bench.BenchPools;
import io.flotilla.bench.PlanBenchmarkRun;
import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.cli.testing.CliRun;
import io.flotilla.cli.testing.Shared;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.testing.ScenarioGenerator;
import io.flotilla.core.testing.TestCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Speed-ups of the planner must not change its plans: every case here (seeded scenarios, generated
 * mixes, the planner-regression fixtures) is planned and its plan's digest compared with the one
 * recorded from the planner before the speed-ups ({@code plan-digests.txt}). Run with {@code
 * -Dflotilla.recordDigests=<file>} to write the digests of the current planner to a file instead.
 */
class PlanDigestRegressionTest {
  private static final String RESOURCE = "/plan-digests.txt";

  @Test
  void everyCasePlansExactlyAsRecorded() throws IOException {
    Map<String, String> actual = digests();
    String record = System.getProperty("flotilla.recordDigests");
    if (record != null) {
      Files.writeString(Path.of(record), render(actual));
      return;
    }
    Map<String, String> expected = parse(recorded());
    assertThat(expected).isNotEmpty();
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  private static Map<String, String> digests() {
    Map<String, String> out = new LinkedHashMap<>();
    Catalog test = TestCatalog.create();
    // Scenarios with every kind of constraint (Kind.all()) are left out: some of them plan
    // differently from one JVM to the next (hash order), so they cannot guard a speed-up.
    for (long seed = 0; seed < 300; seed++) {
      out.put(
          "scenario-" + seed, digest(new Planner().plan(new ScenarioGenerator(seed, test).next())));
    }
    PlanBenchmarkRun run = new PlanBenchmarkRun(Ec2Catalog.load(CatalogSettings.defaults()));
    List<BenchCase> cases = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      cases.add(new BenchCase(BenchMix.DIVERSE, BenchPools.STANDARD, 2000, seed));
      cases.add(new BenchCase(BenchMix.DIVERSE, BenchPools.WEIGHTED, 2000, seed));
    }
    cases.add(new BenchCase(BenchMix.STANDARD, BenchPools.STANDARD, 3000, 1));
    cases.add(new BenchCase(BenchMix.FEW, BenchPools.WEIGHTED, 3000, 1));
    cases.add(new BenchCase(BenchMix.DIVERSE, BenchPools.STANDARD, 10000, 1));
    for (BenchCase c : cases) {
      out.put(
          String.format(Locale.ROOT, "bench-%s-%s-%d-%d", c.mix(), c.pools(), c.pods(), c.seed()),
          digest(new Planner().plan(run.request(c))));
    }
    for (Path fixture : regressionFixtures()) {
      Path dir = fixture.getParent();
      CliRun cli =
          CliRun.of(
              "plan",
              "-o",
              "json",
              "-f",
              fixture.toString(),
              "-f",
              dir.resolve("nodeclass.yaml").toString());
      out.put("fixture-" + fixture.getFileName(), sha256(cli.exitCode() + "\n" + cli.out()));
    }
    return out;
  }

  private static List<Path> regressionFixtures() {
    Path dir = Shared.fixtures().resolve("planner-regressions");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.getFileName().toString().equals("nodeclass.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cost, node count and unschedulable count readable; everything Plan.equals sees hashed. */
  static String digest(Plan plan) {
    StringBuilder s = new StringBuilder();
    for (PlannedNode n : plan.nodes()) {
      s.append(n.name())
          .append('|')
          .append(n.existing())
          .append('|')
          .append(n.nodePool())
          .append('|')
          .append(n.offering())
          .append('|')
          .append(n.pods())
          .append('|')
          .append(new TreeMap<>(n.labels()))
          .append('|')
          .append(n.allocatable())
          .append('|')
          .append(n.used())
          .append('\n');
    }
    for (Unschedulable u : plan.unschedulable()) {
      s.append(u.pod()).append(" ! ").append(u.reason()).append('\n');
    }
    plan.warnings().forEach(w -> s.append("warn ").append(w).append('\n'));
    return String.format(
        Locale.ROOT,
        "cost=%.6f nodes=%d unschedulable=%d sha=%s",
        plan.newCostPerHour(),
        plan.nodes().size(),
        plan.unschedulable().size(),
        sha256(s.toString()));
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String render(Map<String, String> digests) {
    StringBuilder s = new StringBuilder();
    digests.forEach((k, v) -> s.append(k).append(' ').append(v).append('\n'));
    return s.toString();
  }

  private static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        int space = line.indexOf(' ');
        out.put(line.substring(0, space), line.substring(space + 1));
      }
    }
    return out;
  }

  private static String recorded() throws IOException {
    try (var in = PlanDigestRegressionTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
