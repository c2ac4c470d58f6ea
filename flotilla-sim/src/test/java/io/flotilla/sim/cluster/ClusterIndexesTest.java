package io.flotilla.sim.cluster;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.drain.ClusterPods;
import io.flotilla.control.drain.EvictionAllowance;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.sim.event.EventQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the simulated cluster answers from its indexes (a pod by name, the pods on a node, each
 * budget's allowed disruptions) is what a scan of its pods gives, through random workloads,
 * budgets, bindings, evictions, scale changes and node losses. The scan is the control loops' own
 * counting ({@link ClusterPods} over plain lists), which the indexes replace in a pass.
 */
class ClusterIndexesTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  private static final String[] APPS = {"a", "b", "c", "d"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theIndexesAgreeWithAScanOfThePods(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    EventQueue queue = new EventQueue(T0);
    SimulatedCluster c =
        new SimulatedCluster(
            queue, Duration.ofSeconds(30), List.of(), budgets(r), new ClusterListener() {});
    List<String> nodes = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      nodes.add(node(c, "n" + n));
    }
    for (String a : APPS) {
      c.apply(new Workload("default", a, Workload.Kind.DEPLOYMENT, app(a).one(), 1 + r.nextInt(6)));
    }
    for (int step = 0; step < 60; step++) {
      act(c, r, nodes);
      while (queue.runNext(queue.now().plusSeconds(r.nextInt(40)))) {
        // every action due by then
      }
      assertAgree(c);
    }
  }

  private static void act(SimulatedCluster c, SplittableRandom r, List<String> nodes) {
    List<Pod> pods = c.pods();
    int what = r.nextInt(10);
    if (what < 5) {
      for (Pod p : pods) {
        if (!p.bound() && !c.terminating().contains(p.id()) && !nodes.isEmpty()) {
          c.bind(p.id(), nodes.get(r.nextInt(nodes.size())));
        }
      }
    } else if (what < 8 && !pods.isEmpty()) {
      c.evict(pods.get(r.nextInt(pods.size())).id());
    } else if (what < 9) {
      c.scale("default", APPS[r.nextInt(APPS.length)], r.nextInt(7));
    } else if (nodes.size() > 1) {
      c.deleteNode(nodes.remove(r.nextInt(nodes.size())));
    }
  }

  private static void assertAgree(SimulatedCluster c) {
    List<Pod> pods = c.pods();
    for (Pod p : pods) {
      assertThat(c.pod(p.id())).isEqualTo(p);
    }
    assertThat(c.pod(new PodId("default", "nobody"))).isNull();
    for (String node : List.of("n0", "n1", "n2", "n3")) {
      assertThat(c.podsOn(node))
          .containsExactlyElementsOf(pods.stream().filter(p -> node.equals(p.nodeName())).toList());
    }
    ClusterPods indexed = ClusterPods.of(c);
    ClusterPods scanned = new ClusterPods(pods, c.terminating(), c.disruptionBudgets());
    for (String node : List.of("n0", "n1", "n2", "n3")) {
      assertThat(indexed.evictableOn(node)).isEqualTo(scanned.evictableOn(node));
    }
    // Taking evictions in the same order, both allowances agree pod by pod.
    EvictionAllowance fromIndex = new EvictionAllowance(indexed);
    EvictionAllowance fromScan = new EvictionAllowance(scanned);
    for (Pod p : pods) {
      assertThat(fromIndex.take(p)).as(p.id().toString()).isEqualTo(fromScan.take(p));
    }
  }

  private static List<DisruptionBudget> budgets(SplittableRandom r) {
    List<DisruptionBudget> out = new ArrayList<>();
    for (String a : APPS) {
      String amount = r.nextBoolean() ? String.valueOf(r.nextInt(3)) : (10 * r.nextInt(10)) + "%";
      boolean min = r.nextBoolean();
      out.add(
          new DisruptionBudget(
              "default",
              a,
              new LabelSelector(Map.of("app", a), List.of()),
              min ? DisruptionBudget.Amount.parse(amount) : null,
              min ? null : DisruptionBudget.Amount.parse(amount)));
    }
    return out;
  }

  private static String node(SimulatedCluster c, String name) {
    return RoomyNodes.join(c, name, T0);
  }
}
