package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.fieldNames;
import static io.flotilla.cli.plan.PlanJsonFixture.flinkArmAtMax;
import static io.flotilla.cli.plan.PlanJsonFixture.newNodes;
import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON output is a contract: exactly the README's keys, with the documented types. */
class PlanJsonContractTest {
  private static final List<String> TOP =
      List.of("nodes", "unschedulable", "costPerHour", "warnings");
  private static final List<String> TOP_WITH_BOUND =
      List.of(
          "nodes", "unschedulable", "costPerHour", "lowerBoundPerHour", "lowerBound", "warnings");
  private static final List<String> NODE =
      List.of(
          "name",
          "existing",
          "nodePool",
          "instanceType",
          "capacityType",
          "zone",
          "arch",
          "interruptionBand",
          "pricePerHour",
          "instancePricePerHour",
          "storagePricePerHour",
          "priceSource",
          "labels",
          "allocatable",
          "used",
          "pods");
  private static final List<String> BOUND =
      List.of("plainLpPerHour", "plainLpOptimal", "configurationLpPerHour", "kind", "scope");
  private static final Set<String> BANDS = Set.of("<5%", "5-10%", "10-15%", "15-20%", ">20%");
  private static final Pattern QUANTITY = Pattern.compile("\\d+(m|Ki|Mi|Gi|Ti|Pi)?");

  @Test
  void theTopLevelHasExactlyTheContractedKeys() {
    assertThat(fieldNames(plan(flinkArmAtMax()))).containsExactlyElementsOf(TOP);
    JsonNode bounded = plan(flinkArmAtMax("--lower-bound"));
    assertThat(fieldNames(bounded)).containsExactlyElementsOf(TOP_WITH_BOUND);
    JsonNode bound = bounded.get("lowerBound");
    assertThat(bound.get("plainLpPerHour").isNumber()).isTrue();
    assertThat(bound.get("plainLpOptimal").isBoolean()).isTrue();
    JsonNode configuration = bound.get("configurationLpPerHour");
    assertThat(configuration.isNull() || configuration.isNumber()).isTrue();
    assertThat(bound.get("kind").asText()).isIn("plain-lp", "configuration-lp");
    assertThat(bound.get("scope").asText()).isEqualTo("all-plans");
    double best =
        configuration.isNull()
            ? bound.get("plainLpPerHour").asDouble()
            : Math.max(bound.get("plainLpPerHour").asDouble(), configuration.asDouble());
    assertThat(bounded.get("lowerBoundPerHour").asDouble()).isEqualTo(best);
    assertThat(bounded.get("lowerBoundPerHour").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(bounded.get("costPerHour").asDouble() + 1e-9);
    assertThat(bounded.get("warnings").isArray()).isTrue();
    assertThat(bounded.get("unschedulable").isArray()).isTrue();
  }

  @Test
  void everyNodeHasExactlyTheContractedKeysWithTheirTypes() {
    JsonNode plan = plan(flinkArmAtMax());
    for (JsonNode n : plan.get("nodes")) {
      String name = n.get("name").asText();
      assertThat(fieldNames(n)).as(name).containsExactlyElementsOf(NODE);
      assertThat(n.get("name").isTextual()).isTrue();
      assertThat(n.get("existing").isBoolean()).isTrue();
      boolean existing = n.get("existing").asBoolean();
      assertThat(n.get("nodePool").isNull()).as(name).isEqualTo(existing);
      assertThat(n.get("capacityType").asText()).isIn("spot", "on-demand");
      assertThat(n.get("arch").asText()).isIn("amd64", "arm64");
      JsonNode band = n.get("interruptionBand");
      if (n.get("capacityType").asText().equals("spot")) {
        assertThat(band.asText()).as(name).isIn(BANDS);
      } else {
        assertThat(band.isNull()).as(name).isTrue();
      }
      double instance = n.get("instancePricePerHour").asDouble();
      double storage = n.get("storagePricePerHour").asDouble();
      assertThat(n.get("pricePerHour").asDouble())
          .as(name)
          .isCloseTo(instance + storage, within(2e-6));
      assertThat(storage > 0).as(name + " pays for volumes").isEqualTo(!existing);
      assertThat(n.get("priceSource").asText())
          .as(name)
          .isEqualTo(n.get("capacityType").asText().equals("spot") ? "modelled" : "published");
      assertThat(n.get("labels").isObject()).isTrue();
      n.get("labels").fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).isTrue());
      assertThat(n.get("labels").get("kubernetes.io/arch").asText())
          .isEqualTo(n.get("arch").asText());
      for (String bag : List.of("allocatable", "used")) {
        assertThat(n.get(bag).isObject()).isTrue();
        n.get(bag)
            .fields()
            .forEachRemaining(
                e ->
                    assertThat(e.getValue().asText())
                        .as(name + " " + bag + " " + e.getKey())
                        .matches(QUANTITY));
      }
      assertThat(n.get("allocatable").get("cpu").asText()).isNotEmpty();
      assertThat(n.get("used").get("pods").asInt()).isGreaterThanOrEqualTo(n.get("pods").size());
      n.get("pods").forEach(p -> assertThat(p.isTextual()).isTrue());
    }
  }

  @Test
  void theManagedNodeShowsItsAllocatableAndWhatThePlanUses() {
    JsonNode managed = plan(flinkArmAtMax()).get("nodes").get(0);
    assertThat(managed.get("existing").asBoolean()).isTrue();
    // m5.xlarge as the EKS AMI reserves: 3920m and 14919Mi; the JobManager and three TaskManagers.
    assertThat(managed.get("allocatable").get("cpu").asText()).isEqualTo("3920m");
    assertThat(managed.get("allocatable").get("memory").asText()).isEqualTo("14919Mi");
    assertThat(managed.get("used").get("pods").asText()).isEqualTo("4");
    assertThat(managed.get("labels").get("eks.amazonaws.com/nodegroup").asText())
        .isEqualTo("ondemand-x86-al2-cpu");
  }

  @Test
  void costPerHourIsTheSumOfTheNewNodesTotals() {
    JsonNode plan = plan(flinkArmAtMax());
    double sum = 0;
    for (JsonNode n : newNodes(plan)) {
      sum += n.get("pricePerHour").asDouble();
    }
    assertThat(plan.get("costPerHour").asDouble()).isCloseTo(sum, within(1e-5));
  }

  @Test
  void aPriceFileOfferingSaysSo(@TempDir Path dir) throws IOException {
    Path prices = dir.resolve("prices.csv");
    Files.writeString(
        prices,
        "instance_type,zone,capacity_type,price_usd_hour\nm6g.xlarge,us-east-1c,spot,0.0100\n");
    JsonNode plan = plan(flinkArmAtMax("--prices", prices.toString()));
    List<String> sources = new ArrayList<>();
    for (JsonNode n : newNodes(plan)) {
      if (n.get("instanceType").asText().equals("m6g.xlarge")
          && n.get("zone").asText().equals("us-east-1c")) {
        sources.add(n.get("priceSource").asText());
        assertThat(n.get("instancePricePerHour").asDouble()).isEqualTo(0.01);
      }
    }
    assertThat(sources).isNotEmpty().containsOnly("price-file");
  }

  @Test
  void theReadersWarningsAreInTheJsonAndOnStderr(@TempDir Path dir) throws IOException {
    Path pool = dir.resolve("pool.yaml");
    Files.writeString(
        pool,
        """
        apiVersion: karpenter.sh/v1
        kind: NodePool
        metadata:
          name: general
        spec:
          template:
            spec:
              nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: missing}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx
            resources:
              requests: {cpu: "1", memory: 1Gi}
        """);
    CliRun run = PlanJsonFixture.run("-f", pool.toString());
    assertThat(run.exitCode()).isZero();
    List<String> warnings = PlanJsonFixture.texts(PlanJsonFixture.json(run).get("warnings"));
    assertThat(warnings).anyMatch(w -> w.contains("EC2NodeClass 'missing'"));
    for (String w : warnings) {
      assertThat(run.err()).contains("warning: " + w);
    }
  }

  @Test
  void theReadmeDocumentsEveryKeyAndNoOther() throws IOException {
    String section = readmeJsonSection();
    Set<String> rows = new LinkedHashSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(section);
    while (m.find()) {
      rows.add(m.group(1));
    }
    Set<String> emitted = new LinkedHashSet<>(TOP_WITH_BOUND);
    emitted.addAll(NODE);
    assertThat(rows).containsExactlyInAnyOrderElementsOf(emitted);
    for (String key : BOUND) {
      assertThat(section).contains("`" + key + "`");
    }
    assertThat(section)
        .contains("`pricePerHour`")
        .contains("instancePricePerHour` + `storagePricePerHour");
  }

  /** The README's "`plan` JSON" section, up to the next heading. */
  private static String readmeJsonSection() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path readme = p.resolve("README.md");
      if (Files.exists(readme) && Files.readString(readme).contains("### `plan` JSON")) {
        String text = Files.readString(readme);
        int start = text.indexOf("### `plan` JSON");
        int end = text.indexOf("\n#", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
      }
    }
    throw new IllegalStateException("README.md with a `plan` JSON section not found");
  }
}
