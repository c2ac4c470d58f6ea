package io.flotilla.control.interruption;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.Evict;
import io.flotilla.control.drain.ClusterPods;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over random pods and budgets: no eviction takes a budget below what it must keep. */
class EvictionBudgetPropertiesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] APPS = {"web", "api", "cache", "tm"};

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void evictionsNeverTakeABudgetBelowWhatItMustKeep(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    InterruptionHandler handler = new InterruptionHandler(InterruptionSettings.KARPENTER);
    for (int round = 0; round < 100; round++) {
      List<Pod> pods = new ArrayList<>();
      for (String name : APPS) {
        int replicas = random.nextInt(6);
        for (int i = 0; i < replicas; i++) {
          int where = random.nextInt(4);
          String node = where == 0 ? null : where == 1 ? "node-b" : "node-a";
          pods.add(app(name).boundTo(node).build(i));
        }
      }
      Set<PodId> terminating = new HashSet<>();
      for (Pod p : pods) {
        if (p.bound() && random.nextInt(5) == 0) {
          terminating.add(p.id());
        }
      }
      List<DisruptionBudget> budgets = new ArrayList<>();
      for (String name : APPS) {
        if (random.nextBoolean()) {
          DisruptionBudget.Amount amount =
              random.nextBoolean()
                  ? new DisruptionBudget.Amount(random.nextInt(4), false)
                  : new DisruptionBudget.Amount(random.nextInt(101), true);
          boolean min = random.nextBoolean();
          budgets.add(
              new DisruptionBudget(
                  "default",
                  name + "-pdb",
                  new LabelSelector(Map.of("app", name), List.of()),
                  min ? amount : null,
                  min ? null : amount));
        }
      }
      WarnedNode state =
          new WarnedNode(
              new InterruptionWarning(
                  "node-a", InterruptionKind.SPOT_INTERRUPTION, NOW.plusSeconds(120)),
              true,
              true,
              Optional.empty(),
              new ClusterPods(pods, terminating, budgets));

      List<PodId> evicted = new ArrayList<>();
      for (Command c : handler.decide(state, NOW)) {
        if (c instanceof Evict e) {
          evicted.addAll(e.pods());
        }
      }

      for (PodId id : evicted) {
        Pod p = pods.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertThat(p.nodeName()).isEqualTo("node-a");
        assertThat(terminating).doesNotContain(id);
      }
      for (DisruptionBudget b : budgets) {
        String appName = b.name().replace("-pdb", "");
        List<Pod> covered =
            pods.stream().filter(p -> p.id().name().startsWith(appName + "-")).toList();
        long healthy =
            covered.stream().filter(p -> p.bound() && !terminating.contains(p.id())).count();
        long taken = evicted.stream().filter(id -> id.name().startsWith(appName + "-")).count();
        long keep = mustKeep(b, covered.size());
        if (taken > 0) {
          assertThat(healthy - taken)
              .as("budget %s, round %d", b, round)
              .isGreaterThanOrEqualTo(keep);
        }
      }
    }
  }

  /** Kubernetes' desired healthy count, worked out here rather than through the budget's code. */
  private static long mustKeep(DisruptionBudget b, int expected) {
    if (b.minAvailable() != null) {
      DisruptionBudget.Amount a = b.minAvailable();
      return a.percent() ? (a.value() * expected + 99) / 100 : a.value();
    }
    DisruptionBudget.Amount a = b.maxUnavailable();
    long unavailable = a.percent() ? (a.value() * expected + 99) / 100 : a.value();
    return Math.max(0, expected - unavailable);
  }
}
