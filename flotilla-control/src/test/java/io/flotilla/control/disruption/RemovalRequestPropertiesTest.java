package io.flotilla.control.disruption;

import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.testing.TestCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shortcut that passes full nodes to the planner as closed and pod-less changes nothing: over
 * random clusters and random nodes taken out, the planner places every pod where it would have with
 * the whole cluster (a request built here the plain way), at the same cost.
 */
class RemovalRequestPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final Catalog CATALOG = TestCatalog.create();
  private static final NodePool POOL =
      pool("general", 10)
          .require(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r")
          .limit("cpu", "64")
          .disruption(
              new Disruption(
                  Disruption.ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED,
                  Duration.ZERO,
                  null,
                  null,
                  List.of(Budget.DEFAULT)))
          .build();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void closingFullNodesGivesThePlanTheWholeClusterGives(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int closed = 0;
    for (int round = 0; round < 15; round++) {
      RandomFleet world = new RandomFleet(random, CATALOG, POOL, NOW);
      PlanRequest cluster = world.fleet.request();
      Set<String> removed = new HashSet<>();
      for (Node n : cluster.nodes()) {
        if (random.nextInt(3) == 0) {
          removed.add(n.name());
        }
      }
      if (random.nextBoolean()) {
        cluster = withZoneAntiAffinity(cluster, removed, random);
      }
      Planner planner = new Planner(Planner.Strategy.values()[random.nextInt(2)]);

      PlanRequest shortcut = RemovalRequest.of(cluster, removed);
      Plan fast = planner.plan(shortcut);
      PlanRequest whole = plain(cluster, removed);
      Plan plain = planner.plan(whole);

      assertThat(placements(fast)).isEqualTo(placements(plain));
      assertThat(fast.unschedulable()).isEqualTo(plain.unschedulable());
      assertThat(fast.newCostPerHour()).isEqualTo(plain.newCostPerHour());
      closed +=
          shortcut.nodes().stream().filter(Node::unschedulable).count()
              - whole.nodes().stream().filter(Node::unschedulable).count();
    }
    assertThat(closed).as("nodes the shortcut closed").isPositive();
  }

  /**
   * One pod that stays gets a required anti-affinity, over zones, to the app of a pod that moves: a
   * rule on a bound pod that the shortcut must keep even where it closes the node.
   */
  private static PlanRequest withZoneAntiAffinity(
      PlanRequest cluster, Set<String> removed, SplittableRandom random) {
    List<Pod> staying =
        cluster.pods().stream().filter(p -> !removed.contains(p.nodeName())).toList();
    List<Pod> moving = cluster.pods().stream().filter(p -> removed.contains(p.nodeName())).toList();
    if (staying.isEmpty() || moving.isEmpty()) {
      return cluster;
    }
    Pod rule = staying.get(random.nextInt(staying.size()));
    String app = moving.get(random.nextInt(moving.size())).labels().get("app");
    PodAffinityTerm term =
        new PodAffinityTerm(
            new LabelSelector(Map.of("app", app), List.of()), WellKnownLabels.ZONE, Set.of());
    Pod strict =
        new Pod(
            rule.id(),
            rule.labels(),
            rule.requests(),
            rule.nodeAffinity(),
            rule.tolerations(),
            rule.topologySpread(),
            List.of(term),
            rule.affinity(),
            rule.architectures(),
            rule.hostPorts(),
            rule.owner(),
            rule.nodeName(),
            rule.unresolvedImages(),
            false);
    List<Pod> pods = new ArrayList<>(cluster.pods());
    pods.set(pods.indexOf(rule), strict);
    return cluster.withPods(pods);
  }

  /** The removed nodes' pods pending (DaemonSet pods aside), the nodes gone, the rest as it is. */
  private static PlanRequest plain(PlanRequest cluster, Set<String> removed) {
    List<Pod> pods = new ArrayList<>();
    for (Pod p : cluster.pods()) {
      if (p.bound() && removed.contains(p.nodeName())) {
        pods.add(p.withNodeName(null));
      } else if (p.bound()) {
        pods.add(p);
      }
    }
    List<Node> nodes = cluster.nodes().stream().filter(n -> !removed.contains(n.name())).toList();
    return new PlanRequest(
        pods, nodes, cluster.pools(), cluster.daemonSets(), cluster.catalog(), cluster.options());
  }

  /** Each node that receives pods: its name, type and the pods, in a comparable form. */
  private static Set<String> placements(Plan plan) {
    Set<String> out = new TreeSet<>();
    for (PlannedNode n : plan.nodes()) {
      if (!n.pods().isEmpty()) {
        out.add(
            n.name()
                + " "
                + n.existing()
                + " "
                + n.instanceType()
                + " "
                + n.offering().zone()
                + " "
                + new TreeSet<>(n.pods()));
      }
    }
    return out;
  }
}
