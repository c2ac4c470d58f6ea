package io.flotilla.control.disruption;

import io.flotilla.control.command.Command;
import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.Disrupt;
import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.PodId;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Voluntary disruption, one pass at a time (every 10 s). In consolidation mode, as Karpenter v1:
 * replacements in flight are followed (their old nodes disrupted once all have joined, or the move
 * abandoned); then expiry and emptiness; then, within the pools' Underutilized budgets, one
 * multi-node search and a few single-node simulations; a move found is checked again after the
 * validation delay (its nodes must still be candidates, unchanged, within budget, and a fresh
 * simulation must find the same kind of move) and then taken: a delete disrupts the nodes, a
 * replace launches the new nodes first. In scale-down mode, the Cluster Autoscaler's rules.
 */
public final class VoluntaryDisruption {
  private record Pending(Move move, Instant decidedAt) {}

  private final DisruptionSettings settings;
  private final List<NodePool> pools;
  private final Map<String, NodePool> poolsByName = new LinkedHashMap<>();
  private final Provisioner provisioner;
  private final EmptinessAndExpiry emptiness = new EmptinessAndExpiry();
  private final Consolidator consolidator;
  private final ScaleDown scaleDown;
  private final Attempts attempts;
  private final Replacements replacements;
  private Pending pending;

  public VoluntaryDisruption(
      Provisioner provisioner, List<NodePool> pools, DisruptionSettings settings) {
    this.settings = settings;
    this.pools = List.copyOf(pools);
    pools.forEach(p -> poolsByName.put(p.name(), p));
    this.provisioner = provisioner;
    this.consolidator = new Consolidator(provisioner, settings);
    this.scaleDown = new ScaleDown(settings, provisioner);
    this.attempts = new Attempts(settings.retryAfter());
    this.replacements = new Replacements(settings.replacementTimeout());
  }

  /** Scheduling simulations run so far, by consolidation and scale-down. */
  public long simulations() {
    return consolidator.simulations() + scaleDown.simulations();
  }

  /** Pods moving to a replacement not yet theirs: pod to NodeClaim, room to keep for them. */
  public Map<PodId, String> reservations() {
    return Map.copyOf(replacements.reservations());
  }

  /** Forgets reservations of pods no longer bound (to their old node). */
  public void pruneReservations(Set<PodId> bound) {
    replacements.prune(bound);
  }

  /** The cloud refused the launch of {@code claim}; if it replaces a node, the move is given up. */
  public void launchFailed(String claim) {
    replacements.launchFailed(claim);
  }

  /** When a decision waiting for validation falls due. */
  public Optional<Instant> validationDue() {
    return pending == null
        ? Optional.empty()
        : Optional.of(pending.decidedAt().plus(settings.validationDelay()));
  }

  public DisruptionPass decide(DisruptionInput in, Instant now) {
    Pass pass = new Pass();
    Set<String> joined = new HashSet<>();
    in.fleet().forEach(n -> joined.add(n.name()));
    Set<String> claimNames = new HashSet<>();
    in.claims().forEach(c -> claimNames.add(c.name()));
    Set<String> leaving = new HashSet<>();
    in.fleet().stream().filter(FleetNode::disrupting).forEach(n -> leaving.add(n.name()));

    Replacements.Step step = replacements.step(joined, claimNames, now);
    for (Move m : step.completed()) {
      for (FleetNode c : m.candidates()) {
        if (joined.contains(c.name())) {
          pass.commands.add(new Disrupt(c.name(), m.reason()));
          leaving.add(c.name());
        }
      }
    }
    for (Move m : step.abandoned()) {
      m.candidateNames()
          .forEach(
              c -> pass.decisions.add(new DisruptionDecision(c, DisruptionDecision.ABANDONED)));
    }
    pass.cancelled.addAll(step.abandonedClaims());
    for (String claim : step.abandonedClaims()) {
      if (claimNames.contains(claim)) {
        pass.commands.add(new DeleteNode(claim, DisruptionDecision.ABANDONED));
      }
    }
    Set<String> inFlight = replacements.candidates();
    Set<String> counted = new HashSet<>(inFlight);
    counted.addAll(leaving);
    PoolBudgets budgets = new PoolBudgets(in.fleet(), pools, counted, now);
    List<FleetNode> settled =
        in.fleet().stream()
            .filter(n -> !inFlight.contains(n.name()) && !leaving.contains(n.name()))
            .toList();

    if (settings.mode() == DisruptionSettings.Mode.SCALE_DOWN) {
      SimulationBase base = new SimulationBase(in.cluster(), leaving, poolsByName, now);
      for (Command c :
          scaleDown.decide(settled, base, lastScaleUp(in.claims()), in.clusterChangedAt())) {
        pass.disrupt((Disrupt) c);
      }
      return pass.result();
    }
    for (Command c : emptiness.decide(settled, pools, budgets, now)) {
      Disrupt d = (Disrupt) c;
      pass.disrupt(d);
      leaving.add(d.node());
    }
    SimulationBase base = new SimulationBase(in.cluster(), leaving, poolsByName, now);
    Set<String> excluded = new HashSet<>(leaving);
    excluded.addAll(inFlight);
    List<FleetNode> candidates = ConsolidationCandidates.of(in.fleet(), poolsByName, excluded, now);
    attempts.observe(joined, in.clusterChangedAt(), now);
    consolidate(candidates, base, budgets, pass);
    return pass.result();
  }

  private void consolidate(
      List<FleetNode> candidates, SimulationBase base, PoolBudgets budgets, Pass pass) {
    Instant now = base.now();
    if (pending != null) {
      if (now.isBefore(pending.decidedAt().plus(settings.validationDelay()))) {
        return;
      }
      Pending p = pending;
      pending = null;
      Optional<Move> valid = revalidate(p, candidates, base, budgets);
      if (valid.isPresent()) {
        take(valid.get(), budgets, pass, now);
      } else if (p.move().candidates().size() > 1) {
        // As a search that found nothing: in a busy cluster moves found go stale before they are
        // taken, and searching again at once would mostly find stale ones again.
        attempts.multiFailed(now);
      } else {
        attempts.failed(p.move().candidates().get(0).name(), now);
      }
      return;
    }
    Optional<Move> found = Optional.empty();
    List<FleetNode> withinBudget = withinBudget(candidates, budgets);
    if (withinBudget.size() >= 2 && attempts.multiWorthTrying(now, settings.multiNodeInterval())) {
      attempts.multiTried(now);
      found = consolidator.multiNode(withinBudget, base);
      if (found.isEmpty()) {
        attempts.multiFailed(now);
      }
    }
    int tries = 0;
    for (FleetNode c : candidates) {
      if (found.isPresent() || tries == settings.singleNodeAttemptsPerPass()) {
        break;
      }
      if (budgets.allowed(c.pool(), DisruptionDecision.UNDERUTILIZED) <= 0
          || !attempts.worthTrying(c, now)) {
        continue;
      }
      tries++;
      found = consolidator.evaluate(List.of(c), base);
      if (found.isEmpty()) {
        attempts.failed(c.name(), now);
      }
    }
    if (found.isEmpty()) {
      return;
    }
    if (settings.validationDelay().isZero()) {
      take(found.get(), budgets, pass, now);
    } else {
      pending = new Pending(found.get(), now);
    }
  }

  /**
   * Karpenter's validation before acting: the nodes are still candidates, unchanged since the
   * decision and within budget, and a fresh simulation finds the same kind of move.
   */
  private Optional<Move> revalidate(
      Pending p, List<FleetNode> candidates, SimulationBase base, PoolBudgets budgets) {
    Map<String, FleetNode> current = new HashMap<>();
    candidates.forEach(c -> current.put(c.name(), c));
    List<FleetNode> now = new ArrayList<>();
    Map<String, Integer> perPool = new HashMap<>();
    for (FleetNode c : p.move().candidates()) {
      FleetNode n = current.get(c.name());
      if (n == null || n.podsChangedAt().isAfter(p.decidedAt())) {
        return Optional.empty();
      }
      now.add(n);
      perPool.merge(n.pool(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : perPool.entrySet()) {
      if (budgets.allowed(e.getKey(), DisruptionDecision.UNDERUTILIZED) < e.getValue()) {
        return Optional.empty();
      }
    }
    Optional<Move> fresh = consolidator.evaluate(now, base);
    return fresh.filter(m -> m.replacements().size() == p.move().replacements().size());
  }

  private void take(Move move, PoolBudgets budgets, Pass pass, Instant now) {
    move.candidates().forEach(c -> budgets.take(c.pool()));
    if (move.delete()) {
      move.candidates().forEach(c -> pass.disrupt(new Disrupt(c.name(), move.reason())));
      return;
    }
    List<LaunchNodeClaim> claims = provisioner.claimsFor(move.replacements());
    List<String> names = claims.stream().map(LaunchNodeClaim::name).toList();
    pass.launches.addAll(claims);
    replacements.start(move, claims, now);
    move.candidateNames()
        .forEach(c -> pass.decisions.add(new DisruptionDecision(c, move.reason(), names)));
  }

  /** Candidates in order whose pools' budgets still allow them, each counted once. */
  private List<FleetNode> withinBudget(List<FleetNode> candidates, PoolBudgets budgets) {
    Map<String, Integer> used = new HashMap<>();
    List<FleetNode> out = new ArrayList<>();
    for (FleetNode c : candidates) {
      int taken = used.getOrDefault(c.pool(), 0);
      if (budgets.allowed(c.pool(), DisruptionDecision.UNDERUTILIZED) > taken) {
        used.put(c.pool(), taken + 1);
        out.add(c);
      }
    }
    return out;
  }

  private static Instant lastScaleUp(List<NodeClaim> claims) {
    return claims.stream().map(NodeClaim::createdAt).max(Comparator.naturalOrder()).orElse(null);
  }

  /** What the pass gathers. */
  private static final class Pass {
    private final List<Command> commands = new ArrayList<>();
    private final List<LaunchNodeClaim> launches = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();
    private final List<DisruptionDecision> decisions = new ArrayList<>();

    private void disrupt(Disrupt d) {
      commands.add(d);
      decisions.add(new DisruptionDecision(d.node(), d.reason()));
    }

    private DisruptionPass result() {
      return new DisruptionPass(commands, launches, cancelled, decisions);
    }
  }
}
