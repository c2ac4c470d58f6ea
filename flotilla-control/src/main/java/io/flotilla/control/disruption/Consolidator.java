package io.flotilla.control.disruption;

import io.flotilla.control.provisioning.Provisioner;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides consolidation moves by simulation with the provisioner's planner, as Karpenter v1 does:
 * the candidates are taken out, their pods (and those of nodes already leaving) planned again, and
 * the move is worth taking only if every one of them finds a home and the new nodes cost strictly
 * less per hour than the candidates. No new node: a delete. One new node: a replace. Several new
 * nodes only for a single candidate and only up to {@code maxReplacementsPerNode} (Karpenter
 * refuses; Flotilla splits). A single Spot node is replaced by Spot only when enough cheaper Spot
 * types could take its pods ({@link SpotAlternatives}); deleting a Spot node is always allowed.
 */
final class Consolidator {
  private final Provisioner provisioner;
  private final DisruptionSettings settings;
  private long simulations;

  Consolidator(Provisioner provisioner, DisruptionSettings settings) {
    this.provisioner = provisioner;
    this.settings = settings;
  }

  /** How many scheduling simulations it ran so far (what consolidation costs). */
  long simulations() {
    return simulations;
  }

  /**
   * Karpenter's multi-node consolidation: over the candidates in order (cheapest to disrupt first),
   * the longest prefix of at least two that can go together, by binary search.
   */
  Optional<Move> multiNode(List<FleetNode> candidates, SimulationBase base) {
    int max = Math.min(candidates.size(), settings.multiNodeCandidates());
    Optional<Move> best = Optional.empty();
    int lo = 1;
    int hi = max - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Optional<Move> move = evaluate(candidates.subList(0, mid + 1), base);
      if (move.isPresent()) {
        best = move;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  /** The move that removes exactly these candidates, if one is worth taking. */
  Optional<Move> evaluate(List<FleetNode> candidates, SimulationBase base) {
    Set<String> removed = new HashSet<>(base.leaving());
    candidates.forEach(c -> removed.add(c.name()));
    PlanRequest request = RemovalRequest.of(base.cluster(), removed);
    Plan plan = provisioner.simulate(request, base.now());
    simulations++;
    if (!plan.unschedulable().isEmpty()) {
      return Optional.empty();
    }
    List<PlannedNode> fresh = plan.newNodes();
    double before = 0;
    boolean priced = true;
    for (FleetNode c : candidates) {
      priced &= c.pricePerHour() != null;
      before += c.pricePerHour() == null ? 0 : c.pricePerHour();
    }
    if (fresh.isEmpty()) {
      return Optional.of(new Move(candidates, fresh, plan));
    }
    int allowed = candidates.size() == 1 ? settings.maxReplacementsPerNode() : 1;
    if (!priced || fresh.size() > allowed) {
      return Optional.empty();
    }
    double after = fresh.stream().mapToDouble(PlannedNode::pricePerHour).sum();
    if (!(after < before) || sameTypeAsACandidate(candidates, fresh)) {
      return Optional.empty();
    }
    if (candidates.size() == 1
        && candidates.get(0).spot()
        && !spotToSpotAllowed(candidates.get(0), fresh, request, base)) {
      return Optional.empty();
    }
    return Optional.of(new Move(candidates, fresh, plan));
  }

  /**
   * Several nodes replaced by one of a candidate's own types could have been a delete of the others
   * (Karpenter filters those types out of a multi-node replacement).
   */
  private static boolean sameTypeAsACandidate(List<FleetNode> candidates, List<PlannedNode> fresh) {
    if (candidates.size() < 2) {
      return false;
    }
    return candidates.stream()
        .anyMatch(
            c -> c.offering() != null && c.offering().type().equals(fresh.get(0).instanceType()));
  }

  private boolean spotToSpotAllowed(
      FleetNode candidate, List<PlannedNode> fresh, PlanRequest request, SimulationBase base) {
    Optional<Offering> current =
        request
            .catalog()
            .offering(
                candidate.offering().type(),
                candidate.offering().zone(),
                candidate.offering().capacityType());
    double below = current.map(Offering::pricePerHour).orElse(candidate.pricePerHour());
    // The options a NodeClaim would have now: offerings the cloud just refused are not options.
    Catalog catalog = provisioner.available(request.catalog(), base.now());
    Map<PodId, Pod> pods = new HashMap<>();
    request.pods().forEach(p -> pods.put(p.id(), p));
    for (PlannedNode n : fresh) {
      NodePool pool = base.pools().get(n.nodePool());
      if (n.capacityType() != candidate.offering().capacityType() || pool == null) {
        continue;
      }
      List<Pod> on = n.pods().stream().map(pods::get).toList();
      if (SpotAlternatives.cheaperTypes(catalog, pool, n, on, below)
          < settings.spotToSpotMinTypes()) {
        return false;
      }
    }
    return true;
  }
}
