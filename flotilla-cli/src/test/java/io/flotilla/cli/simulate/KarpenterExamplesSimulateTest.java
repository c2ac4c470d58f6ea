package io.flotilla.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.testing.CliRun;
import io.flotilla.cli.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pairing of one of Karpenter's NodePool examples with one of its workload examples
 * simulates: workloads shipped at zero replicas are scaled to five, and after 10 simulated minutes
 * the pods still pending are exactly those `flotilla plan` finds unschedulable on the same files
 * (the simulated cluster provisions what the planner can place, and nothing else).
 */
class KarpenterExamplesSimulateTest {
  @TempDir static Path dir;

  static Stream<Arguments> pairings() throws IOException {
    List<Arguments> pairs = new ArrayList<>();
    try (Stream<Path> pools = Files.list(Shared.karpenter("nodepools"));
        Stream<Path> workloads = Files.list(Shared.karpenter("workloads"))) {
      List<Path> w = workloads.sorted().toList();
      for (Path pool : pools.sorted().toList()) {
        for (Path workload : w) {
          pairs.add(Arguments.of(pool.getFileName().toString(), workload.getFileName().toString()));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("pairings")
  void simulatesAndLeavesPendingOnlyWhatThePlannerCannotPlace(String poolFile, String workloadFile)
      throws IOException {
    Path pool = Shared.karpenter("nodepools").resolve(poolFile);
    Path workload = dir.resolve(poolFile + "-" + workloadFile);
    Files.writeString(
        workload,
        Files.readString(Shared.karpenter("workloads").resolve(workloadFile))
            .replace("replicas: 0", "replicas: 5"));
    Path scenario = dir.resolve(poolFile + "-" + workloadFile + ".scenario.yaml");
    Files.writeString(
        scenario, "manifests: ['" + pool + "', '" + workload + "']\nduration: 10m\nseed: 3\n");

    CliRun sim = CliRun.of("simulate", scenario.toString(), "-o", "json");
    CliRun plan = CliRun.of("plan", "-f", pool.toString(), "-f", workload.toString(), "-o", "json");

    assertThat(sim.exitCode()).as(sim.err()).isZero();
    JsonNode figures = new ObjectMapper().readTree(sim.out());
    JsonNode planned = new ObjectMapper().readTree(plan.out());
    int unschedulable = planned.path("unschedulable").size();
    assertThat(figures.path("podsStillPending").asInt()).isEqualTo(unschedulable);
    assertThat(figures.path("pdbViolations").asInt()).isZero();
    if (planned.path("nodes").size() > 0) {
      assertThat(figures.path("maxNodes").asInt()).isPositive();
      assertThat(figures.path("totalCost").asDouble()).isPositive();
    }
  }
}
