package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.testing.ExistingNodes;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PoolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Safe Spot: a workload's Spot replicas spread over capacity pools (instance type x zone) priced
 * within the tolerance, never splitting a node, never touching on-demand nodes.
 */
class SpotDiversificationTest {
  private static final String CT = WellKnownLabels.CAPACITY_TYPE;

  @Test
  void aWorkloadsSpotReplicasSpreadOverCapacityPoolsWithinTheShareCap() {
    // The test catalog's Spot prices rise 2 points of on-demand per zone, so a 15 % tolerance lets
    // all three zones qualify: no capacity pool may hold more than a third of the 24 replicas.
    PlanRequest request =
        request(24)
            .withOptions(
                PlanOptions.DEFAULTS.withSpotDiversity(
                    new PlanOptions.SpotDiversity(0.15, 1.0 / 3, 3)));

    Plan plan = Planning.checked(request, new Planner().plan(request));

    Map<String, Integer> perPool = podsPerCapacityPool(plan);
    assertThat(perPool.size()).isGreaterThanOrEqualTo(3);
    assertThat(perPool.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(8));
  }

  @Test
  void withTheDefaultToleranceOnlyCloselyPricedPoolsAreUsed() {
    PlanRequest request = request(24);

    Plan plan = Planning.checked(request, new Planner().plan(request));

    PlanRequest off =
        request.withOptions(PlanOptions.DEFAULTS.withSpotDiversity(PlanOptions.SpotDiversity.OFF));
    assertThat(podsPerCapacityPool(plan).size())
        .isGreaterThan(podsPerCapacityPool(new Planner().plan(off)).size());
  }

  @Test
  void diversificationCostsAtMostThePriceTolerance() {
    PlanRequest request = request(24);
    PlanRequest off =
        request.withOptions(PlanOptions.DEFAULTS.withSpotDiversity(PlanOptions.SpotDiversity.OFF));

    double diversified = new Planner().plan(request).newCostPerHour();
    double single = new Planner().plan(off).newCostPerHour();

    assertThat(diversified).isGreaterThanOrEqualTo(single - 1e-9);
    assertThat(diversified).isLessThanOrEqualTo(single * 1.10 + 1e-9);
  }

  @Test
  void aWorkloadThatFitsOneNodeIsNotSplit() {
    PlanRequest request = request(2);

    Plan plan = new Planner().plan(request);

    assertThat(plan.newNodes()).hasSize(1);
  }

  @Test
  void onDemandNodesStayWhereTheyAre() {
    PlanRequest request =
        Planning.request()
            .pool(
                pool("od", 10)
                    .require(CT, "on-demand")
                    .require(WellKnownLabels.INSTANCE_FAMILY, "m5"))
            .pods(app("web").requests("1", "2Gi").replicas(24))
            .build();

    Plan plan = new Planner().plan(request);
    Plan off =
        new Planner()
            .plan(
                request.withOptions(
                    PlanOptions.DEFAULTS.withSpotDiversity(PlanOptions.SpotDiversity.OFF)));

    assertThat(plan.newNodes()).allMatch(n -> n.capacityType() == CapacityType.ON_DEMAND);
    assertThat(plan).isEqualTo(off);
  }

  @Test
  void withTwoQualifyingPoolsTheReplicasAreSplitEvenlyOverThem() {
    // One type in two zones: fewer pools than minPools 3, yet no pool should hold them all.
    PlanRequest request =
        Planning.request()
            .pool(
                pool("spot", 10)
                    .require(CT, "spot")
                    .require(WellKnownLabels.INSTANCE_TYPE, "m6g.large")
                    .require(WellKnownLabels.ZONE, "us-east-1a", "us-east-1b"))
            .pods(app("web").requests("1", "2Gi").replicas(12))
            .build()
            .withOptions(
                PlanOptions.DEFAULTS.withSpotDiversity(
                    new PlanOptions.SpotDiversity(0.15, 1.0 / 3, 3)));

    Plan plan = Planning.checked(request, new Planner().plan(request));

    Map<String, Integer> perPool = podsPerCapacityPool(plan);
    assertThat(perPool).hasSize(2);
    assertThat(perPool.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(6));
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  void aWorkloadLeftInOneCapacityPoolIsNamedInAWarning() {
    PlanRequest request =
        Planning.request()
            .pool(
                pool("spot", 10)
                    .require(CT, "spot")
                    .require(WellKnownLabels.INSTANCE_TYPE, "m6g.large")
                    .require(WellKnownLabels.ZONE, "us-east-1a"))
            .pods(app("web").requests("1", "2Gi").replicas(12))
            .build();

    Plan plan = Planning.checked(request, new Planner().plan(request));

    assertThat(podsPerCapacityPool(plan)).hasSize(1);
    assertThat(plan.warnings())
        .singleElement()
        .asString()
        .contains("web")
        .contains("all 12 Spot replicas in one capacity pool")
        .contains("m6g.large");
  }

  @Test
  void aWorkloadGrowingAFewReplicasAtATimeKeepsToTheShareAcrossDecisions() {
    // Each decision sees the nodes of the earlier ones, Spot, with their replicas bound: those
    // count toward the share, so the new nodes go to the pools the workload has least in.
    PlanOptions options =
        PlanOptions.DEFAULTS.withSpotDiversity(new PlanOptions.SpotDiversity(0.15, 1.0 / 3, 3));
    List<Node> nodes = new ArrayList<>();
    List<Pod> bound = new ArrayList<>();
    for (int step = 1; step <= 4; step++) {
      Planning planning = Planning.request().pool(spotArm());
      nodes.forEach(planning::node);
      planning.pods(bound);
      for (int i = bound.size(); i < 6 * step; i++) {
        planning.pod(app("web").requests("1", "2Gi").build(i));
      }
      PlanRequest request = planning.build().withOptions(options);

      Plan plan = Planning.checked(request, new Planner().plan(request));

      for (PlannedNode n : plan.newNodes()) {
        String name = "step" + step + "-" + nodes.size();
        Node node = ExistingNodes.node(name, n.instanceType(), n.zone(), "spot", List.of(), false);
        Map<String, String> labels = new TreeMap<>(node.labels());
        labels.put(CT, "spot");
        nodes.add(
            new Node(
                name,
                labels,
                node.taints(),
                node.capacity(),
                node.allocatable(),
                node.unschedulable()));
        for (PodId p : n.pods()) {
          int index = Integer.parseInt(p.name().substring("web-".length()));
          bound.add(app("web").requests("1", "2Gi").boundTo(name).build(index));
        }
      }
      // Counted from the nodes and their pods, not by the planner's own bookkeeping.
      Map<String, Integer> perPool = new TreeMap<>();
      for (Pod p : bound) {
        Node on = nodes.stream().filter(x -> x.name().equals(p.nodeName())).findFirst().get();
        perPool.merge(
            on.labels().get(WellKnownLabels.INSTANCE_TYPE)
                + "/"
                + on.labels().get(WellKnownLabels.ZONE),
            1,
            Integer::sum);
      }
      int total = 6 * step;
      Map<String, Integer> perNode = new TreeMap<>();
      bound.forEach(p -> perNode.merge(p.nodeName(), 1, Integer::sum));
      // A third (rounded up), or one node's worth, since a node is never split.
      int cap = Math.max((total + 2) / 3, perNode.values().stream().max(Integer::compare).get());
      assertThat(bound).hasSize(total);
      assertThat(perPool.values())
          .as("step %d: %s", step, perPool)
          .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(cap));
    }
  }

  private static PoolBuilder spotArm() {
    return pool("spot", 10).require(CT, "spot").require(WellKnownLabels.ARCH, "arm64");
  }

  private static PlanRequest request(int replicas) {
    return Planning.request()
        .pool(pool("spot", 10).require(CT, "spot").require(WellKnownLabels.ARCH, "arm64"))
        .pods(app("web").requests("1", "2Gi").replicas(replicas))
        .build();
  }

  private static Map<String, Integer> podsPerCapacityPool(Plan plan) {
    Map<String, Integer> out = new TreeMap<>();
    for (PlannedNode n : plan.newNodes()) {
      out.merge(n.instanceType() + "/" + n.zone(), n.pods().size(), Integer::sum);
    }
    return out;
  }
}
