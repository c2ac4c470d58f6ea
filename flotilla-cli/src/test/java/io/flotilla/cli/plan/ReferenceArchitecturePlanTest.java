package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.flinkArmAtMax;
import static io.flotilla.cli.plan.PlanJsonFixture.newNodes;
import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static io.flotilla.cli.plan.PlanJsonFixture.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.CliRun;
import io.flotilla.cli.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance cases of the reference architecture, through the command line. */
class ReferenceArchitecturePlanTest {
  private static final String MANAGED_NODE = "ip-10-0-1-17.ec2.internal";

  @Test
  void flinkOnGravitonFillsTheManagedNodeThenArmSpotWithTheJobManagerOnDemand() {
    JsonNode plan = plan(flinkArmAtMax());
    assertThat(plan.get("unschedulable")).isEmpty();
    JsonNode managed = plan.get("nodes").get(0);
    assertThat(managed.get("name").asText()).isEqualTo(MANAGED_NODE);
    assertThat(managed.get("existing").asBoolean()).isTrue();
    List<String> onManaged = texts(managed.get("pods"));
    assertThat(onManaged).contains("default/flink-jobmanager-0");
    // 14919Mi allocatable holds three 4096Mi TaskManagers next to the JobManager.
    assertThat(onManaged).filteredOn(p -> p.contains("taskmanager")).hasSize(3);
    List<JsonNode> fresh = newNodes(plan);
    assertThat(fresh).isNotEmpty();
    int taskManagers = 0;
    for (JsonNode n : fresh) {
      assertThat(n.get("nodePool").asText()).isEqualTo("arm-spot-provisioner");
      assertThat(n.get("capacityType").asText()).isEqualTo("spot");
      assertThat(n.get("arch").asText()).isEqualTo("arm64");
      assertThat(texts(n.get("pods"))).allMatch(p -> p.startsWith("default/flink-taskmanager-"));
      taskManagers += n.get("pods").size();
    }
    assertThat(taskManagers).isEqualTo(22);
  }

  @Test
  void theJobManagerNeverLandsOnSpotCapacity() {
    JsonNode plan = plan(flinkArmAtMax());
    for (JsonNode n : plan.get("nodes")) {
      if (texts(n.get("pods")).contains("default/flink-jobmanager-0")) {
        assertThat(n.get("capacityType").asText()).isEqualTo("on-demand");
      }
    }
  }

  @Test
  void theTableComparesTheCostWithOnDemandX86AndLeavesTheManagedNodeOutOfTheCost() {
    CliRun run = CliRun.of(concat("plan", flinkArmAtMax()));
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("arm-spot-provisioner")
        .contains("(existing)")
        .containsPattern("New nodes: 11, cost \\$\\d+\\.\\d\\d/hour")
        .contains("Existing nodes: 1, $0.19/hour already running")
        .containsPattern("Same nodes on on-demand x86: \\$\\d+\\.\\d\\d/hour, [0-9.]+% saved");
  }

  @Test
  void everyNewNodePaysForItsThousandGibVolumeWhichOutweighsTheSpotInstance() {
    List<JsonNode> fresh = newNodes(plan(flinkArmAtMax()));
    double storage = fresh.get(0).get("storagePricePerHour").asDouble();
    for (JsonNode n : fresh) {
      // The pools' AWSNodeTemplate 'flink' (provisioners-x86.yaml) gives each node 1000Gi of gp3.
      assertThat(n.get("storagePricePerHour").asDouble()).isEqualTo(storage);
      assertThat(storage).isGreaterThan(n.get("instancePricePerHour").asDouble());
      assertThat(n.get("pricePerHour").asDouble())
          .isCloseTo(storage + n.get("instancePricePerHour").asDouble(), offset(2e-6));
    }
  }

  @Test
  void theSpotTaskManagersAreNotAllInOneCapacityPool() {
    Set<String> pools = new TreeSet<>();
    Set<String> bands = new TreeSet<>();
    for (JsonNode n : newNodes(plan(flinkArmAtMax()))) {
      pools.add(n.get("instanceType").asText() + "@" + n.get("zone").asText());
      bands.add(n.get("interruptionBand").asText());
    }
    assertThat(pools).hasSizeGreaterThanOrEqualTo(3);
    assertThat(bands).doesNotContainNull().allMatch(b -> !b.isBlank());
  }

  @Test
  void gpuInferenceAtSixReplicasLaunchesSixOnDemandG4dnNodes(@TempDir Path dir) throws IOException {
    Path six = dir.resolve("gpu-6.yaml");
    Files.writeString(
        six,
        Files.readString(Shared.seed("gpu-inference.yaml")).replace("replicas: 1", "replicas: 6"));
    JsonNode plan = plan("-f", six.toString());
    assertThat(plan.get("unschedulable")).isEmpty();
    List<JsonNode> fresh = newNodes(plan);
    assertThat(fresh).hasSize(6);
    for (JsonNode n : fresh) {
      assertThat(n.get("instanceType").asText()).startsWith("g4dn.");
      assertThat(n.get("capacityType").asText()).isEqualTo("on-demand");
      assertThat(n.get("pods")).hasSize(1);
    }
  }

  @Test
  void everySeedFilePlansOnItsOwnAndTogether() throws IOException {
    try (var files = Files.list(Shared.fixtures().resolve("seed-architecture"))) {
      for (Path f : files.sorted().toList()) {
        // The managed node group is only existing Nodes: nothing to plan without a pool or pod.
        String[] args =
            f.getFileName().toString().equals("managed-nodegroup.yaml")
                ? new String[] {
                  "plan", "-f", f.toString(), "-f", Shared.seed("provisioners-arm.yaml").toString()
                }
                : new String[] {"plan", "-f", f.toString()};
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(f + ": " + run.err()).isZero();
      }
    }
    assertThat(plan("-f", Shared.fixtures().resolve("seed-architecture").toString()).get("nodes"))
        .isNotEmpty();
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
