package io.flotilla.control.interruption;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.CheckpointWorkloads;
import io.flotilla.control.command.Command;
import io.flotilla.control.command.Cordon;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Evict;
import io.flotilla.control.command.Replace;
import io.flotilla.control.drain.ClusterPods;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InterruptionHandlerTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final InterruptionWarning SPOT =
      new InterruptionWarning("node-a", InterruptionKind.SPOT_INTERRUPTION, NOW.plusSeconds(120));

  private final InterruptionHandler flotilla =
      new InterruptionHandler(InterruptionSettings.FLOTILLA);

  private static List<Pod> pods(List<List<Pod>> groups) {
    List<Pod> out = new ArrayList<>();
    groups.forEach(out::addAll);
    return out;
  }

  private static List<Pod> taskManagers(int n, String node) {
    return app("tm").label("component", "taskmanager").boundTo(node).replicas(n);
  }

  private static WarnedNode warned(List<Pod> pods) {
    return new WarnedNode(
        SPOT, false, false, Optional.empty(), new ClusterPods(pods, Set.of(), List.of()));
  }

  private static List<PodId> evicted(List<Command> commands) {
    return commands.stream()
        .filter(Evict.class::isInstance)
        .flatMap(c -> ((Evict) c).pods().stream())
        .toList();
  }

  @Test
  void aWarnedNodeIsCordonedItsReplacementAskedForAndItsJobsCheckpointedBeforeAnyEviction() {
    List<Pod> pods =
        pods(List.of(taskManagers(2, "node-a"), app("web").boundTo("node-a").replicas(1)));

    // First look: cordon and ask for the replacement; nothing leaves before it is planned.
    List<Command> first = flotilla.decide(warned(pods), NOW.plusSeconds(5));
    assertThat(first).hasSize(2);
    assertThat(first.get(0)).isEqualTo(new Cordon("node-a"));
    assertThat(first.get(1)).isInstanceOf(Replace.class);
    assertThat(((Replace) first.get(1)).pods()).hasSize(3);

    // The replacement is ready: checkpoint first. 115 s are left; the drain keeps its reserve.
    WarnedNode replaced =
        new WarnedNode(
            SPOT, true, true, Optional.empty(), new ClusterPods(pods, Set.of(), List.of()), true);
    List<Command> commands = flotilla.decide(replaced, NOW.plusSeconds(5));
    assertThat(commands).containsExactly(new CheckpointWorkloads(SPOT, Duration.ofSeconds(85)));
  }

  @Test
  void theDrainWaitsForTheReplacementUntilItIsReadyOrTheLatestDrainStart() {
    List<Pod> pods = taskManagers(2, "node-a");
    WarnedNode awaiting =
        new WarnedNode(
            SPOT, true, true, Optional.empty(), new ClusterPods(pods, Set.of(), List.of()), false);

    // Two drain reserves (checkpoint, then drain) before the node goes: 120 - 60 = 60 s.
    assertThat(flotilla.decide(awaiting, NOW.plusSeconds(59))).isEmpty();
    assertThat(flotilla.decide(awaiting, NOW.plusSeconds(60)))
        .containsExactly(new CheckpointWorkloads(SPOT, Duration.ofSeconds(30)));
    // Karpenter and the termination handler drain at once.
    assertThat(
            evicted(
                new InterruptionHandler(InterruptionSettings.KARPENTER)
                    .decide(awaiting, NOW.plusSeconds(1))))
        .hasSize(2);
  }

  @Test
  void theDrainWaitsForTheCheckpointUntilItsBoundPasses() {
    List<Pod> pods = taskManagers(2, "node-a");
    CheckpointProgress running = new CheckpointProgress(NOW, Duration.ofSeconds(85), false);
    WarnedNode waiting =
        new WarnedNode(
            SPOT, true, true, Optional.of(running), new ClusterPods(pods, Set.of(), List.of()));

    assertThat(flotilla.decide(waiting, NOW.plusSeconds(30))).isEmpty();
    assertThat(evicted(flotilla.decide(waiting, NOW.plusSeconds(85)))).hasSize(2);
  }

  @Test
  void taskManagersLeftForALaterWaveGetAFreshCheckpointFirst() {
    // An earlier wave of evictions used the first checkpoint; the job restarted after it, so
    // evicting the TaskManagers still here without a new one would replay from a stale position.
    List<Pod> pods = taskManagers(2, "node-a");
    CheckpointProgress used = new CheckpointProgress(NOW, Duration.ofSeconds(85), false).markUsed();
    WarnedNode laterWave =
        new WarnedNode(
            SPOT, true, true, Optional.of(used), new ClusterPods(pods, Set.of(), List.of()));

    List<Command> commands = flotilla.decide(laterWave, NOW.plusSeconds(40));

    assertThat(commands)
        .containsExactly(new CheckpointWorkloads(SPOT, Duration.ofSeconds(120 - 40 - 30)));
  }

  @Test
  void evictionsThatTakeNoTaskManagerDoNotWaitForACheckpoint() {
    List<Pod> pods = pods(List.of(app("web").boundTo("node-a").replicas(2)));
    WarnedNode warned =
        new WarnedNode(
            SPOT, true, true, Optional.empty(), new ClusterPods(pods, Set.of(), List.of()));

    List<Command> commands = flotilla.decide(warned, NOW.plusSeconds(5));

    assertThat(commands).noneMatch(CheckpointWorkloads.class::isInstance);
    assertThat(evicted(commands)).hasSize(2);
  }

  @Test
  void withoutCheckpointOnWarningTheNodeIsDrainedAtOnce() {
    InterruptionHandler karpenter = new InterruptionHandler(InterruptionSettings.KARPENTER);

    List<Command> commands = karpenter.decide(warned(taskManagers(2, "node-a")), NOW);

    assertThat(commands).noneMatch(CheckpointWorkloads.class::isInstance);
    assertThat(evicted(commands)).hasSize(2);
  }

  @Test
  void evictionsStayWithinTheDisruptionBudget() {
    // Three web replicas, two on the warned node; the budget lets one be unavailable at a time.
    List<Pod> pods =
        pods(
            List.of(
                app("web").boundTo("node-a").replicas(2),
                List.of(app("web").boundTo("node-b").build(2))));
    DisruptionBudget oneAtATime =
        new DisruptionBudget(
            "default",
            "web",
            new LabelSelector(Map.of("app", "web"), List.of()),
            null,
            DisruptionBudget.Amount.parse("1"));
    WarnedNode first =
        new WarnedNode(
            SPOT,
            true,
            true,
            Optional.empty(),
            new ClusterPods(pods, Set.of(), List.of(oneAtATime)));

    List<PodId> firstRound = evicted(flotilla.decide(first, NOW));
    WarnedNode second =
        new WarnedNode(
            SPOT,
            true,
            true,
            Optional.empty(),
            new ClusterPods(pods, Set.copyOf(firstRound), List.of(oneAtATime)));

    assertThat(firstRound).hasSize(1);
    assertThat(evicted(flotilla.decide(second, NOW.plusSeconds(1)))).isEmpty();
  }

  @Test
  void daemonSetPodsStayAndTheNodeIsDeletedWhenOnlyTheyRemain() {
    List<Pod> pods = app("logs").owner("DaemonSet/logs").boundTo("node-a").replicas(1);
    WarnedNode state =
        new WarnedNode(
            SPOT, true, true, Optional.empty(), new ClusterPods(pods, Set.of(), List.of()));

    List<Command> commands = flotilla.decide(state, NOW);

    assertThat(evicted(commands)).isEmpty();
    assertThat(commands).singleElement().isInstanceOf(DeleteNode.class);
  }

  @Test
  void aRebalanceRecommendationIsActedOnOnlyWhereConfigured() {
    InterruptionWarning rebalance =
        new InterruptionWarning(
            "node-a", InterruptionKind.REBALANCE_RECOMMENDATION, NOW.plus(Duration.ofMinutes(10)));
    WarnedNode state =
        new WarnedNode(
            rebalance,
            false,
            false,
            Optional.empty(),
            new ClusterPods(app("web").boundTo("node-a").replicas(1), Set.of(), List.of()));

    assertThat(new InterruptionHandler(InterruptionSettings.KARPENTER).decide(state, NOW))
        .isEmpty();
    assertThat(flotilla.decide(state, NOW)).contains(new Cordon("node-a"));
  }

  @Test
  void aNodePastItsEndIsDeletedWhateverIsLeft() {
    List<Command> commands =
        flotilla.decide(warned(taskManagers(2, "node-a")), NOW.plusSeconds(120));

    assertThat(commands).singleElement().isInstanceOf(DeleteNode.class);
  }
}
