package io.flotilla.control.manager;

import static io.flotilla.core.catalog.CapacityType.ON_DEMAND;
import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.disruption.DisruptionDecision;
import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.TestCatalog;
import io.flotilla.ports.checkpoint.CheckpointBeforeDrain;
import io.flotilla.ports.checkpoint.CheckpointReport;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cloud.LaunchError;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Voluntary disruption and garbage collection through the control plane and its ports. */
class ControlPlaneDisruptionTest {
  private static final Instant T0 = Instant.parse("2026-01-05T12:00:00Z");
  private static final String ZONE = "us-east-1a";
  private static final CheckpointBeforeDrain NO_JOBS =
      (warning, bound) -> new CheckpointReport(warning, List.of(), Duration.ZERO);

  private final Catalog catalog = TestCatalog.create();
  private NodePool general = m5(Duration.ofSeconds(30), Budget.DEFAULT);
  private Instant now = T0;
  private final FakeCluster cluster = new FakeCluster();
  private final FakeCloud cloud = new FakeCloud(() -> now);
  private final List<DisruptionDecision> decisions = new ArrayList<>();
  private CheckpointBeforeDrain checkpoints = NO_JOBS;

  private static NodePool m5(Duration consolidateAfter, Budget budget) {
    return pool("general", 10)
        .require(WellKnownLabels.INSTANCE_FAMILY, "m5")
        .require(WellKnownLabels.CAPACITY_TYPE, "on-demand")
        .disruption(
            new Disruption(
                Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
                consolidateAfter,
                Duration.ofHours(720),
                null,
                List.of(budget)))
        .build();
  }

  private ControlPlane control(ControlSettings settings) {
    return new ControlPlane(
        new Planner(Planner.Strategy.FIRST_FIT_DECREASING),
        new ClusterConfig(List.of(general), catalog, PlanOptions.DEFAULTS),
        settings,
        new ControlPorts(cloud, cluster, checkpoints));
  }

  /** A node of the pool that joined an hour ago, with its running instance. */
  private void node(String name, String type, List<Pod> pods) {
    InstanceType t = catalog.type(type).orElseThrow();
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.put(WellKnownLabels.ZONE, ZONE);
    labels.put(WellKnownLabels.CAPACITY_TYPE, ON_DEMAND.label());
    labels.put(WellKnownLabels.NODE_POOL, general.name());
    labels.put(WellKnownLabels.OS, "linux");
    labels.put(WellKnownLabels.HOSTNAME, name);
    Resources allocatable = Allocatable.of(t, general.kubelet(), general.nodeClass());
    OfferingKey offering = new OfferingKey(type, ZONE, ON_DEMAND);
    Instant launched = T0.minus(Duration.ofHours(1));
    cluster.joined(
        new NodeClaim(name, general.name(), offering, "i-" + name, labels, allocatable, launched),
        general.taints());
    cloud.run(new CloudInstance("i-" + name, offering, name, launched));
    pods.forEach(p -> cluster.add(p.withNodeName(name)));
  }

  /** Passes every 5 s for {@code seconds}: the control plane, evictions ending, the scheduler. */
  private void run(ControlPlane control, long seconds) {
    for (long s = 0; s < seconds; s += 5) {
      now = now.plusSeconds(5);
      control.reconcile(now);
      decisions.addAll(control.lastDecisions());
      cluster.finishEvictions();
      cluster.bindPending();
    }
  }

  private int at(String event) {
    int i = cluster.events.indexOf(event);
    assertThat(i).as(event + " in " + cluster.events).isNotNegative();
    return i;
  }

  @Test
  void aReplacementIsLaunchedFirstAndTheOldNodeDrainedOnlyOnceItHasJoined() {
    node("big", "m5.4xlarge", List.of(app("web").requests("1", "2Gi").one()));
    ControlPlane control = control(ControlSettings.KARPENTER);

    // 30 s of quiet make it a candidate, 15 s of validation, then the launch.
    run(control, 60);
    assertThat(cloud.launches).hasSize(1);
    String replacement = cloud.launches.get(0).nodeClaim();
    assertThat(decisions)
        .containsExactly(
            new DisruptionDecision("big", "Underutilized/replace 1->1", List.of(replacement)));
    run(control, 120);
    assertThat(cluster.events).doesNotContain("cordon big");

    cluster.join(replacement, general.taints());
    run(control, 60);

    assertThat(at("claim " + replacement))
        .isLessThan(at("join " + replacement))
        .isLessThan(at("cordon big"));
    assertThat(at("cordon big")).isLessThan(at("evict web-0")).isLessThan(at("delete big"));
    assertThat(cluster.events).contains("bind web-0~1 " + replacement);
    assertThat(cloud.terminated).containsExactly("i-big");
    assertThat(cloud.launches).hasSize(1);
  }

  @Test
  void consolidationCheckpointsTheJobsOfTaskManagersBeforeEvictingThemUnderFlotillaOnly() {
    checkpoints =
        (warning, bound) -> {
          cluster.events.add("checkpoint " + warning.nodeName() + " " + warning.kind());
          return new CheckpointReport(warning, List.of(), Duration.ofSeconds(1));
        };
    Pod taskManager = app("tm").label("component", "taskmanager").requests("1", "2Gi").one();
    node("big", "m5.4xlarge", List.of(taskManager));
    ControlPlane flotilla = control(ControlSettings.FLOTILLA);

    run(flotilla, 60);
    cloud.launches.forEach(l -> cluster.join(l.nodeClaim(), general.taints()));
    run(flotilla, 60);

    assertThat(at("checkpoint big VOLUNTARY_DISRUPTION")).isLessThan(at("evict tm-0"));
    assertThat(cluster.events.stream().filter(e -> e.startsWith("checkpoint"))).hasSize(1);
  }

  @Test
  void karpentersConsolidationEvictsTaskManagersWithoutACheckpoint() {
    checkpoints =
        (warning, bound) -> {
          cluster.events.add("checkpoint " + warning.nodeName());
          return new CheckpointReport(warning, List.of(), Duration.ZERO);
        };
    node("big", "m5.4xlarge", List.of(app("tm").label("component", "taskmanager").one()));
    ControlPlane karpenter = control(ControlSettings.KARPENTER);

    run(karpenter, 60);
    cloud.launches.forEach(l -> cluster.join(l.nodeClaim(), general.taints()));
    run(karpenter, 60);

    assertThat(at("evict tm-0")).isPositive();
    assertThat(cluster.events).noneMatch(e -> e.startsWith("checkpoint"));
  }

  @Test
  void aReplacementThatJoinsBeforeItsPodsMoveIsNotTakenForEmpty() {
    // No wait and no budget limit: only the reservation keeps the empty replacement.
    general = m5(Duration.ZERO, new Budget("100%", null, null, Set.of()));
    node("big", "m5.4xlarge", List.of(app("web").requests("1", "2Gi").one()));
    ControlPlane control = control(ControlSettings.KARPENTER);
    run(control, 30);
    String replacement = cloud.launches.get(0).nodeClaim();

    cluster.join(replacement, general.taints());
    run(control, 60);

    assertThat(cluster.events).doesNotContain("cordon " + replacement);
    assertThat(cluster.events).contains("bind web-0~1 " + replacement, "delete big");
    assertThat(decisions).extracting(DisruptionDecision::reason).doesNotContain("Empty");
  }

  @Test
  void aReplacementTheCloudRefusesLeavesTheOldNodeAlone() {
    node("big", "m5.4xlarge", List.of(app("web").requests("1", "2Gi").one()));
    cloud.refuse(LaunchError.INSUFFICIENT_CAPACITY);
    ControlPlane control = control(ControlSettings.KARPENTER);

    run(control, 120);

    assertThat(decisions)
        .extracting(DisruptionDecision::reason)
        .startsWith("Underutilized/replace 1->1", DisruptionDecision.ABANDONED);
    assertThat(cluster.events).noneMatch(e -> e.startsWith("cordon") || e.startsWith("evict"));
    // The next move leaves the refused offering out for a while.
    assertThat(cloud.launches).hasSizeGreaterThan(1);
    assertThat(cloud.launches.get(1).offering()).isNotEqualTo(cloud.launches.get(0).offering());
  }

  @Test
  void garbageCollectionTerminatesOrphanInstancesAndDeletesClaimsWithoutInstances() {
    node("alive", "m5.large", List.of(app("web").requests("1", "2Gi").one()));
    node("lost", "m5.large", List.of());
    cloud.terminate("i-lost");
    cloud.terminated.clear();
    cloud.run(
        new CloudInstance(
            "i-orphan",
            new OfferingKey("m5.large", ZONE, CapacityType.SPOT),
            "ghost",
            T0.minusSeconds(60)));

    run(control(ControlSettings.KARPENTER), 5);

    assertThat(cloud.terminated).containsExactly("i-orphan");
    assertThat(cluster.events).contains("delete lost");
    assertThat(cluster.hasNode("alive")).isTrue();
    assertThat(decisions)
        .contains(
            new DisruptionDecision("i-orphan", DisruptionDecision.ORPHAN_INSTANCE),
            new DisruptionDecision("lost", DisruptionDecision.INSTANCE_GONE));
  }

  @Test
  void theClusterAutoscalerModeDrainsAnUnderusedNodeAfterTenMinutesWithoutLaunching() {
    node("a", "m5.xlarge", List.of(app("web").requests("1", "2Gi").one()));
    node("b", "m5.xlarge", List.of(app("api").requests("2500m", "2Gi").one()));
    ControlPlane control = control(ControlSettings.CLUSTER_AUTOSCALER);

    run(control, 590);
    assertThat(cluster.events).doesNotContain("cordon a");
    run(control, 60);

    assertThat(decisions)
        .containsExactly(new DisruptionDecision("a", DisruptionDecision.SCALE_DOWN_UNDERUTILIZED));
    assertThat(at("cordon a")).isLessThan(at("evict web-0")).isLessThan(at("delete a"));
    assertThat(cluster.events).contains("bind web-0~1 b");
    assertThat(cloud.launches).isEmpty();
  }
}
