package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.newNodes;
import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.Shared;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cluster dumps plan as they are: nothing running is planned again, nothing counted twice. */
class ClusterDumpPlanTest {
  private static String regression(String file) {
    return Shared.fixtures().resolve("planner-regressions").resolve(file).toString();
  }

  private static List<String> podsOn(JsonNode plan, String node) {
    List<String> pods = new ArrayList<>();
    for (JsonNode n : plan.get("nodes")) {
      if (n.get("name").asText().equals(node)) {
        n.get("pods").forEach(p -> pods.add(p.asText()));
      }
    }
    return pods;
  }

  @Test
  void aDeploymentWhoseThreeReplicasRunNeedsNoNewNode() {
    JsonNode plan = plan("-f", regression("s21-dump.yaml"), "-f", regression("nodeclass.yaml"));

    assertThat(newNodes(plan)).isEmpty();
    assertThat(plan.get("unschedulable")).isEmpty();
    assertThat(plan.get("costPerHour").asDouble()).isZero();
  }

  @Test
  void aDaemonSetsRunningPodIsCountedOnceSoAllFiveWebPodsFitTheOldNode() {
    JsonNode plan =
        plan("-f", regression("s19-ds-double.yaml"), "-f", regression("nodeclass.yaml"));

    assertThat(podsOn(plan, "old-1"))
        .containsExactlyInAnyOrder(
            "default/web-0", "default/web-1", "default/web-2", "default/web-3", "default/web-4");
    assertThat(newNodes(plan)).isEmpty();
    assertThat(plan.get("unschedulable")).isEmpty();
  }
}
