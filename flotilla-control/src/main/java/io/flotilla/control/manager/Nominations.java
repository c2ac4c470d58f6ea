package io.flotilla.control.manager;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pending pods the provisioner placed on a NodeClaim in flight (or on a node that has room), so the
 * next pass counts them there instead of planning them again. A nomination ends when its pod is
 * bound or gone, when its target is gone, or when its target has been a ready node for longer than
 * the scheduler needs to bind it (then the pod is planned afresh, as Karpenter does).
 */
final class Nominations {
  static final Duration BIND_GRACE = Duration.ofSeconds(30);

  private record Nomination(String target, Instant at) {}

  private final Map<PodId, Nomination> byPod = new LinkedHashMap<>();

  void nominate(PodId pod, String target, Instant at) {
    byPod.put(pod, new Nomination(target, at));
  }

  /** The target of a still-pending pod's nomination, or null. */
  String targetOf(PodId pod) {
    Nomination n = byPod.get(pod);
    return n == null ? null : n.target();
  }

  boolean targets(String node) {
    return byPod.values().stream().anyMatch(n -> n.target().equals(node));
  }

  /**
   * Drops the nominations that no longer hold: {@code readySince} gives, per node that joined the
   * cluster, when it did; {@code claims} are the targets still in flight.
   */
  void prune(
      Function<PodId, Pod> pods, Map<String, Instant> readySince, Set<String> claims, Instant now) {
    byPod
        .entrySet()
        .removeIf(
            e -> {
              Pod pod = pods.apply(e.getKey());
              if (pod == null || pod.bound()) {
                return true;
              }
              String target = e.getValue().target();
              Instant ready = readySince.get(target);
              if (ready != null) {
                Instant since = ready.isAfter(e.getValue().at()) ? ready : e.getValue().at();
                return !now.isBefore(since.plus(BIND_GRACE));
              }
              return !claims.contains(target);
            });
  }
}
