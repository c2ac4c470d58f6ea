package io.flotilla.sim.cluster;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.cluster.EvictionOutcome;
import io.flotilla.sim.event.EventQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatedClusterTest {
  private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

  /** What the cluster reported, in order. */
  private static final class Log implements ClusterListener {
    final List<String> ended = new ArrayList<>();

    @Override
    public void podEnded(Pod pod, PodEnd why, Instant at) {
      ended.add(pod.id().name() + " " + why + " " + Duration.between(T0, at).toSeconds());
    }
  }

  private final EventQueue queue = new EventQueue(T0);
  private final Log log = new Log();

  private SimulatedCluster cluster(List<DisruptionBudget> budgets) {
    return new SimulatedCluster(queue, Duration.ofSeconds(30), List.of(), budgets, log);
  }

  private static void node(SimulatedCluster c, String name) {
    RoomyNodes.join(c, name, T0);
  }

  private void runTo(long seconds) {
    while (queue.runNext(T0.plusSeconds(seconds))) {
      // every action due by then
    }
  }

  /** Pods waiting for a node: not bound, not terminating. */
  private static List<PodId> pending(SimulatedCluster c) {
    Set<PodId> terminating = c.terminating();
    return c.pods().stream()
        .filter(p -> !p.bound() && !terminating.contains(p.id()))
        .map(Pod::id)
        .toList();
  }

  @Test
  void aJobRunsItsParallelismAtATimeUntilItsCompletionsAreDone() {
    SimulatedCluster c = cluster(List.of());
    node(c, "n1");
    c.apply(Workload.job("default", "batch", app("batch").one(), 2, 3, Duration.ofMinutes(10)));
    pending(c).forEach(id -> c.bind(id, "n1"));

    runTo(600);
    assertThat(c.completions("default", "batch")).isEqualTo(2);
    // One more completion needed: one pod, not two.
    assertThat(pending(c)).hasSize(1);
    pending(c).forEach(id -> c.bind(id, "n1"));
    runTo(1_300);

    assertThat(c.completions("default", "batch")).isEqualTo(3);
    assertThat(c.pods()).isEmpty();
    assertThat(log.ended)
        .containsExactly(
            "batch-1 COMPLETED 600", "batch-2 COMPLETED 600", "batch-3 COMPLETED 1200");
  }

  @Test
  void aJobPodWhoseNodeGoesAwayIsRecreatedAndRunsItsFullTimeAgain() {
    SimulatedCluster c = cluster(List.of());
    node(c, "n1");
    node(c, "n2");
    c.apply(Workload.job("default", "batch", app("batch").one(), 1, 1, Duration.ofMinutes(10)));
    pending(c).forEach(id -> c.bind(id, "n1"));
    runTo(300);

    c.deleteNode("n1");
    assertThat(pending(c)).hasSize(1);
    runTo(400);
    pending(c).forEach(id -> c.bind(id, "n2"));
    runTo(999);
    assertThat(c.completions("default", "batch")).isZero();
    runTo(1_000);

    assertThat(c.completions("default", "batch")).isEqualTo(1);
    assertThat(log.ended).containsExactly("batch-1 LOST_WITH_NODE 300", "batch-2 COMPLETED 1000");
  }

  @Test
  void scalingDownDeletesPendingPodsFirstThenTheMostRecentlyStarted() {
    SimulatedCluster c = cluster(List.of());
    node(c, "n1");
    c.apply(new Workload("default", "web", Workload.Kind.DEPLOYMENT, app("web").one(), 2));
    c.bind(new PodId("default", "web-2"), "n1");
    runTo(10);
    c.bind(new PodId("default", "web-1"), "n1");
    c.scale("default", "web", 4);

    c.scale("default", "web", 1);

    assertThat(c.pods()).extracting(p -> p.id().name()).containsExactly("web-2");
    assertThat(log.ended)
        .containsExactly("web-4 DELETED 10", "web-3 DELETED 10", "web-1 DELETED 10");
    assertThat(c.podCounts("default", "web")).isEqualTo(new PodCounts(1, 0));
  }

  /**
   * Random creations, bindings, evictions, node losses and scalings: the cluster's indexed answers
   * (eviction outcomes, running and pending counts) equal what a scan of all pods gives.
   */
  @Test
  void indexedBudgetsAndCountsAgreeWithAFullScan() {
    SplittableRandom random = new SplittableRandom(11);
    for (int run = 0; run < 60; run++) {
      List<DisruptionBudget> budgets =
          List.of(
              budget("a", DisruptionBudget.Amount.parse("2"), null),
              budget("b", null, DisruptionBudget.Amount.parse("50%")),
              budget("b", DisruptionBudget.Amount.parse("30%"), null));
      SimulatedCluster c = cluster(budgets);
      List<String> nodes = new ArrayList<>();
      for (int n = 0; n < 6; n++) {
        nodes.add("n" + n);
        node(c, "n" + n);
      }
      c.apply(new Workload("default", "a", Workload.Kind.DEPLOYMENT, app("a").one(), 5));
      c.apply(new Workload("default", "b", Workload.Kind.STATEFUL_SET, app("b").one(), 4));
      for (int step = 0; step < 150; step++) {
        int op = random.nextInt(10);
        List<Pod> pods = c.pods();
        if (op < 4 && !pending(c).isEmpty()) {
          List<PodId> waiting = pending(c);
          c.bind(
              waiting.get(random.nextInt(waiting.size())), nodes.get(random.nextInt(nodes.size())));
        } else if (op < 7 && !pods.isEmpty()) {
          Pod pod = pods.get(random.nextInt(pods.size()));
          EvictionOutcome expected = naiveEviction(c, budgets, pod);
          assertThat(c.evict(pod.id())).as("evict %s", pod.id()).isEqualTo(expected);
        } else if (op == 7) {
          String gone = nodes.remove(random.nextInt(nodes.size()));
          c.deleteNode(gone);
          String fresh = "n" + (100 + step);
          nodes.add(fresh);
          node(c, fresh);
        } else if (op == 8) {
          c.scale("default", random.nextBoolean() ? "a" : "b", random.nextInt(8));
        } else {
          queue.after(Duration.ofSeconds(10), () -> {});
          queue.runNext(queue.now().plusSeconds(10));
        }
        for (String w : List.of("a", "b")) {
          assertThat(c.podCounts("default", w)).isEqualTo(naiveCounts(c, w));
        }
        assertThat(c.pendingPods()).isEqualTo(pending(c).size());
      }
    }
  }

  private static DisruptionBudget budget(
      String app, DisruptionBudget.Amount min, DisruptionBudget.Amount max) {
    return new DisruptionBudget(
        "default", "pdb-" + app, new LabelSelector(Map.of("app", app), List.of()), min, max);
  }

  /** What the eviction API answers, from every pod and the budgets' own rule. */
  private static EvictionOutcome naiveEviction(
      SimulatedCluster c, List<DisruptionBudget> budgets, Pod pod) {
    Set<PodId> terminating = c.terminating();
    if (terminating.contains(pod.id())) {
      return EvictionOutcome.EVICTED;
    }
    for (DisruptionBudget b : budgets) {
      if (!b.covers(pod)) {
        continue;
      }
      List<Pod> covered = c.pods().stream().filter(b::covers).toList();
      int healthy =
          (int) covered.stream().filter(p -> p.bound() && !terminating.contains(p.id())).count();
      if (b.disruptionsAllowed(covered, healthy) == 0) {
        return EvictionOutcome.BLOCKED_BY_BUDGET;
      }
    }
    return EvictionOutcome.EVICTED;
  }

  private static PodCounts naiveCounts(SimulatedCluster c, String app) {
    Set<PodId> terminating = c.terminating();
    int running = 0;
    int pending = 0;
    for (Pod p : c.pods()) {
      if (!p.labels().get("app").equals(app) || terminating.contains(p.id())) {
        continue;
      }
      if (p.bound()) {
        running++;
      } else {
        pending++;
      }
    }
    return new PodCounts(running, pending);
  }
}
