package io.flotilla.core.testing.check;

import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.List;
import java.util.Optional;

/**
 * Taints and tolerations as the Kubernetes API defines them, written again for the checker: a
 * toleration matches a taint when its effect is empty or equal, and its key is empty (with Exists:
 * every taint) or equal, and its operator is Exists or its value equals the taint's. NoSchedule and
 * NoExecute taints keep intolerant pods off a node; PreferNoSchedule only discourages them.
 */
public final class TaintRules {
  private TaintRules() {}

  public static boolean tolerates(Toleration t, Taint taint) {
    if (t.effect() != null && t.effect() != taint.effect()) {
      return false;
    }
    if (t.key().isEmpty()) {
      return t.exists();
    }
    return t.key().equals(taint.key()) && (t.exists() || t.value().equals(taint.value()));
  }

  private static boolean tolerated(List<Toleration> tolerations, Taint taint) {
    return tolerations.stream().anyMatch(t -> tolerates(t, taint));
  }

  /** The first NoSchedule or NoExecute taint no toleration matches. */
  public static Optional<Taint> firstHardUntolerated(
      List<Toleration> tolerations, List<Taint> taints) {
    return taints.stream()
        .filter(t -> t.effect() != Effect.PREFER_NO_SCHEDULE)
        .filter(t -> !tolerated(tolerations, t))
        .findFirst();
  }

  /** The first PreferNoSchedule taint no toleration matches. */
  public static Optional<Taint> firstSoftUntolerated(
      List<Toleration> tolerations, List<Taint> taints) {
    return taints.stream()
        .filter(t -> t.effect() == Effect.PREFER_NO_SCHEDULE)
        .filter(t -> !tolerated(tolerations, t))
        .findFirst();
  }
}
