package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.newNodes;
import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each input of {@code planner-regressions/} gives what its README says (s19 and s21 are in {@link
 * ClusterDumpPlanTest}).
 */
class PlannerRegressionsPlanTest {
  private static Path regression(String file) {
    return Shared.fixtures().resolve("planner-regressions").resolve(file);
  }

  private static JsonNode planOf(Path fixture) {
    return plan("-f", fixture.toString(), "-f", regression("nodeclass.yaml").toString());
  }

  private static Map<String, Integer> podsByCapacityType(JsonNode plan) {
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode n : newNodes(plan)) {
      out.merge(n.get("capacityType").asText(), n.get("pods").size(), Integer::sum);
    }
    return out;
  }

  @Test
  void s11PodsWhoseOwnRequirementsLeaveTooFewFamiliesAreUnschedulableUnderStrict() {
    JsonNode plan = planOf(regression("s11-minvalues.yaml"));

    assertThat(plan.get("unschedulable")).isNotEmpty();
    plan.get("unschedulable")
        .forEach(
            u ->
                assertThat(u.get("reason").asText())
                    .contains("minValues 3")
                    .contains("minValuesPolicy Strict"));
  }

  @Test
  void s12TheCheapestFleetIsAnM6i4xlargeAndAnR6i2xlarge() {
    JsonNode plan = planOf(regression("s12-packing.yaml"));

    assertThat(newNodes(plan).stream().map(n -> n.get("instanceType").asText()))
        .containsExactlyInAnyOrder("m6i.4xlarge", "r6i.2xlarge");
    double instances = 0;
    for (JsonNode n : newNodes(plan)) {
      instances += n.get("instancePricePerHour").asDouble();
    }
    assertThat(instances).isCloseTo(1.272, within(1e-9));
    assertThat(plan.get("unschedulable")).isEmpty();
  }

  @Test
  void s13PodsGoToTheUntaintedExistingNodeAndNothingIsLaunched() {
    JsonNode plan = planOf(regression("s13-soft-existing.yaml"));

    assertThat(newNodes(plan)).isEmpty();
    for (JsonNode n : plan.get("nodes")) {
      if (n.get("name").asText().equals("soft-node")) {
        assertThat(n.get("pods")).isEmpty();
      }
    }
    assertThat(plan.get("unschedulable")).isEmpty();
  }

  @Test
  void s14AScheduleAnywayHostnameSpreadIsRelaxedWithinThePoolLimit() {
    JsonNode plan = planOf(regression("s14-hostname-anyway.yaml"));

    assertThat(plan.get("unschedulable")).isEmpty();
    int placed = 0;
    for (JsonNode n : newNodes(plan)) {
      placed += n.get("pods").size();
    }
    assertThat(placed).isEqualTo(6);
  }

  @Test
  void s22ALooseZoneSpreadCostsNothingExtra(@TempDir Path dir) throws IOException {
    Path withoutSpread = dir.resolve("s22-no-spread.yaml");
    List<String> lines = Files.readAllLines(regression("s22-loose-skew.yaml"));
    StringBuilder kept = new StringBuilder();
    for (String line : lines) {
      if (!line.contains("topologySpreadConstraints") && !line.contains("maxSkew")) {
        kept.append(line).append('\n');
      }
    }
    Files.writeString(withoutSpread, kept);

    double spread = planOf(regression("s22-loose-skew.yaml")).get("costPerHour").asDouble();
    double free = planOf(withoutSpread).get("costPerHour").asDouble();

    assertThat(spread).isCloseTo(free, within(1e-9));
  }

  @Test
  void s23ASpreadOnCapacityTypeSplitsThePodsBetweenSpotAndOnDemand() {
    Map<String, Integer> byType = podsByCapacityType(planOf(regression("s23-ct-spread.yaml")));

    assertThat(byType.keySet()).containsExactlyInAnyOrder("spot", "on-demand");
  }

  @Test
  void s24KarpentersRatioPatternPutsTwoOfTenOnOnDemand() {
    Map<String, Integer> byType = podsByCapacityType(planOf(regression("s24-ratio.yaml")));

    assertThat(byType).containsEntry("on-demand", 2).containsEntry("spot", 8);
  }
}
