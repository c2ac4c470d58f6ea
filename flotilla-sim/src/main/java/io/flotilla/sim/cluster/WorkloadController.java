package io.flotilla.sim.cluster;

import io.flotilla.core.pod.PodId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A workload's controller in the simulated cluster: its spec, its pods and their counts. */
final class WorkloadController {
  Workload spec;
  final Set<PodId> pods = new TreeSet<>();
  int created;
  int succeeded;
  int running;
  int pending;

  WorkloadController(Workload spec) {
    this.spec = spec;
  }

  /** The pods it wants now: its replicas, for a Job no more than the completions still due. */
  int wanted() {
    return spec.kind() == Workload.Kind.JOB
        ? Math.min(spec.replicas(), Math.max(0, spec.completions() - succeeded))
        : spec.replicas();
  }

  /** The live pods a scale-down to {@code want} deletes, in {@link #deletionOrder}. */
  List<PodEntry> surplus(List<PodEntry> live, int want) {
    List<PodEntry> sorted = new ArrayList<>(live);
    sorted.sort(deletionOrder(spec.kind()));
    return sorted.subList(0, sorted.size() - want);
  }

  /**
   * Names for {@code missing} new pods: a StatefulSet's lowest free ordinals, otherwise the next of
   * a running count (its pods' names taken so far are {@code taken}).
   */
  List<String> newNames(Set<String> taken, int missing) {
    Set<String> names = new HashSet<>(taken);
    List<String> out = new ArrayList<>();
    for (int ordinal = 0; out.size() < missing; ordinal++) {
      String name;
      if (spec.kind() == Workload.Kind.STATEFUL_SET) {
        name = spec.name() + "-" + ordinal;
        if (names.contains(name)) {
          continue;
        }
      } else {
        name = spec.name() + "-" + ++created;
      }
      names.add(name);
      out.add(name);
    }
    return out;
  }

  /**
   * Which surplus pods a scale-down deletes first. A StatefulSet: the highest ordinal. Otherwise as
   * a ReplicaSet ranks them: unscheduled before scheduled, then the most recently started, then the
   * newest.
   */
  static Comparator<PodEntry> deletionOrder(Workload.Kind kind) {
    if (kind == Workload.Kind.STATEFUL_SET) {
      return Comparator.comparingInt((PodEntry e) -> ordinal(e.pod.id().name())).reversed();
    }
    return Comparator.comparing((PodEntry e) -> e.pod.bound())
        .thenComparing(
            (PodEntry e) -> e.boundAt == null ? Instant.MAX : e.boundAt, Comparator.reverseOrder())
        .thenComparing(Comparator.comparingLong((PodEntry e) -> e.sequence).reversed());
  }

  private static int ordinal(String name) {
    int dash = name.lastIndexOf('-');
    try {
      return Integer.parseInt(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
