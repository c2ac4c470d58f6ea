package io.flotilla.control.provisioning;

import io.flotilla.core.pod.PodId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Karpenter's batching of pending pods: a batch opens with the first pending pod, every pod that
 * becomes pending restarts the idle timer, and the batch is planned once no new pod arrived for
 * {@code idle} or {@code max} has passed since it opened, whichever is first. Pods that arrive
 * together (a Deployment scaled up, a node drained) are planned together.
 */
public record BatchWindow(Duration idle, Duration max) {
  /** Karpenter's defaults (BATCH_IDLE_DURATION 1 s, BATCH_MAX_DURATION 10 s). */
  public static final BatchWindow DEFAULT =
      new BatchWindow(Duration.ofSeconds(1), Duration.ofSeconds(10));

  public BatchWindow {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(max, "max");
    if (idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("batch idle duration must be positive: " + idle);
    }
    if (max.compareTo(idle) < 0) {
      throw new IllegalArgumentException(
          "batch max duration " + max + " is shorter than the idle duration " + idle);
    }
  }

  /** An open batch: when it opened, when its last new pod arrived, and the pods it has seen. */
  public record Open(Instant opened, Instant lastArrival, Set<PodId> seen) {
    public Open {
      Objects.requireNonNull(opened, "opened");
      Objects.requireNonNull(lastArrival, "lastArrival");
      seen = Set.copyOf(seen);
    }
  }

  /**
   * Where the batching stands after an observation: the batch (empty when nothing is pending),
   * whether it is ready to plan, and when it will be if nothing else arrives.
   */
  public record Step(Optional<Open> batch, boolean ready, Optional<Instant> closesAt) {
    static final Step IDLE = new Step(Optional.empty(), false, Optional.empty());
  }

  /**
   * Observes the pods pending {@code now}, given the batch so far (empty when none is open). Pods
   * that left the pending set (bound elsewhere, deleted) do not restart the timer; new ones do.
   */
  public Step observe(Optional<Open> batch, Instant now, Set<PodId> pending) {
    if (pending.isEmpty()) {
      return Step.IDLE;
    }
    Open open;
    if (batch.isEmpty()) {
      open = new Open(now, now, pending);
    } else if (batch.get().seen().containsAll(pending)) {
      open = batch.get();
    } else {
      Set<PodId> seen = new HashSet<>(batch.get().seen());
      seen.addAll(pending);
      open = new Open(batch.get().opened(), now, seen);
    }
    Instant idleEnd = open.lastArrival().plus(idle);
    Instant maxEnd = open.opened().plus(max);
    Instant closes = idleEnd.isBefore(maxEnd) ? idleEnd : maxEnd;
    return new Step(Optional.of(open), !now.isBefore(closes), Optional.of(closes));
  }
}
