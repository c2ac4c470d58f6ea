package io.flotilla.control.disruption;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.core.pod.PodId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Consolidation replacements in flight. As Karpenter orchestrates a replace, the new nodes are
 * launched first and the old ones disrupted only once all of them have joined; if one cannot be
 * launched (or vanishes, or has not joined within the timeout) the move is abandoned and the old
 * nodes stay. Until a moved pod leaves its old node, room for it is reserved on its replacement.
 */
final class Replacements {
  private static final class InFlight {
    private final Move move;
    private final List<String> claims;
    private final Instant startedAt;
    private final Set<String> seen = new HashSet<>();
    private boolean failed;

    private InFlight(Move move, List<String> claims, Instant startedAt) {
      this.move = move;
      this.claims = claims;
      this.startedAt = startedAt;
    }
  }

  /** What became of the moves in flight: completed ones and abandoned ones with their claims. */
  record Step(List<Move> completed, List<Move> abandoned, List<String> abandonedClaims) {}

  private final Duration timeout;
  private final List<InFlight> inFlight = new ArrayList<>();
  private final Map<PodId, String> reservations = new LinkedHashMap<>();

  Replacements(Duration timeout) {
    this.timeout = timeout;
  }

  void start(Move move, List<LaunchNodeClaim> claims, Instant now) {
    inFlight.add(new InFlight(move, claims.stream().map(LaunchNodeClaim::name).toList(), now));
    for (LaunchNodeClaim c : claims) {
      c.pods().forEach(p -> reservations.put(p, c.name()));
    }
  }

  /** The cloud refused a replacement: its move is given up at the next step. */
  void launchFailed(String claim) {
    for (InFlight f : inFlight) {
      if (f.claims.contains(claim)) {
        f.failed = true;
      }
    }
  }

  /** The nodes of moves in flight: not candidates, and counted against the budgets. */
  Set<String> candidates() {
    Set<String> out = new HashSet<>();
    inFlight.forEach(f -> out.addAll(f.move.candidateNames()));
    return out;
  }

  Map<PodId, String> reservations() {
    return reservations;
  }

  /**
   * Drops reservations whose pod left its old node ({@code bound}: pods bound now). A pod being
   * evicted keeps its reservation (its replacement stays nominated) but no longer holds room there.
   */
  void prune(Set<PodId> bound) {
    reservations.keySet().retainAll(bound);
  }

  Step step(Set<String> joined, Set<String> claims, Instant now) {
    List<Move> completed = new ArrayList<>();
    List<Move> abandoned = new ArrayList<>();
    List<String> abandonedClaims = new ArrayList<>();
    List<InFlight> done = new ArrayList<>();
    for (InFlight f : inFlight) {
      f.claims.stream().filter(claims::contains).forEach(f.seen::add);
      boolean vanished = f.seen.stream().anyMatch(c -> !claims.contains(c));
      if (f.failed || vanished || !now.isBefore(f.startedAt.plus(timeout))) {
        abandoned.add(f.move);
        abandonedClaims.addAll(f.claims);
        reservations.values().removeIf(f.claims::contains);
        done.add(f);
      } else if (joined.containsAll(f.claims)) {
        completed.add(f.move);
        done.add(f);
      }
    }
    inFlight.removeAll(done);
    return new Step(completed, abandoned, abandonedClaims);
  }
}
