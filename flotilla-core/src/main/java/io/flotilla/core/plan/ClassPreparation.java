package io.flotilla.core.plan;

import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns pending pods into the classes the packers place: grouping, unsupported constraints,
 * preferences folded in or relaxed, topology spread split into per-domain classes.
 */
final class ClassPreparation {
  /** The classes to place, the pods already known to be unplaceable, the hard spreads. */
  record Prepared(
      List<PodClass> classes,
      Map<PodId, String> unschedulable,
      List<SpreadQuotas.Spread> spreads,
      HostnameAffinity.Result affinity) {}

  private final Candidates candidates;
  private final ExistingFleet fleet;
  private final NewNodeFeasibility feasibility;
  private final DomainCatalog domains;

  ClassPreparation(
      Candidates candidates,
      ExistingFleet fleet,
      NewNodeFeasibility feasibility,
      DomainCatalog domains) {
    this.candidates = candidates;
    this.fleet = fleet;
    this.feasibility = feasibility;
    this.domains = domains;
  }

  Prepared prepare(PlanRequest request, Dimensions dims) {
    Map<PodId, String> unschedulable = new java.util.TreeMap<>();
    List<PodClass> classes = new ArrayList<>();
    for (PodClass c : ClassGrouping.group(request.pendingPods(), dims)) {
      // Preferences only steer new nodes: existing nodes are matched on required terms.
      // PreferNoSchedule taints are avoided like a preference, given up last.
      PodClass avoiding = c.withAvoidSoftTaints(true);
      PodClass relaxed =
          avoiding.withTerms(Relaxation.relax(avoiding, t -> feasibility.test(avoiding, t)));
      if (!feasibility.test(relaxed, relaxed.terms())) {
        PodClass tolerating = c.withAvoidSoftTaints(false);
        relaxed =
            tolerating.withTerms(
                Relaxation.relax(tolerating, t -> feasibility.test(tolerating, t)));
      }
      classes.add(relaxed);
    }
    List<Pod> bound = request.pods().stream().filter(Pod::bound).toList();
    SpreadQuotas.Result spread =
        new SpreadQuotas(bound, fleet.labelsByNode(), domains)
            .apply(
                classes, c -> !candidates.of(c).isEmpty() || fleet.anyAccepts(c, requiredTerms(c)));
    unschedulable.putAll(spread.unschedulable());
    DomainAffinity.Result affinity =
        new DomainAffinity(bound, fleet.labelsByNode(), domains).apply(spread.classes());
    unschedulable.putAll(affinity.unschedulable());
    HostnameAffinity.Result hostname =
        HostnameAffinity.apply(relaxPinned(affinity.classes()), bound);
    HostnameAffinity.Result renumbered =
        new HostnameAffinity.Result(
            renumber(hostname.classes()),
            hostname.bundles(),
            hostname.joining(),
            hostname.refused());
    return new Prepared(renumbered.classes(), unschedulable, spread.spreads(), renumbered);
  }

  /** The pod's own required terms: existing nodes and topology domains are matched on these. */
  static List<Requirements> requiredTerms(PodClass c) {
    return c.template().nodeAffinity().requiredTerms();
  }

  /**
   * A class pinned to a domain its preferences cannot reach falls back to its required terms there;
   * under ScheduleAnyway an unreachable domain is given up altogether.
   */
  private List<PodClass> relaxPinned(List<PodClass> classes) {
    List<PodClass> out = new ArrayList<>();
    for (PodClass c : classes) {
      PodClass pinned = c;
      if (!c.domain().isEmpty() && !reachable(c)) {
        pinned = c.withTerms(requiredTerms(c));
        if (!reachable(pinned)) {
          Map<String, String> kept = new java.util.TreeMap<>(pinned.domain());
          for (TopologySpread spread : SpreadQuotas.nodeLevelSpreads(c.template())) {
            if (!spread.hard()) {
              kept.remove(spread.topologyKey());
            }
          }
          pinned = pinned.withPods(pinned.id(), pinned.pods(), kept);
        }
      }
      out.add(pinned);
    }
    return out;
  }

  private boolean reachable(PodClass c) {
    return candidates.anyFor(c, c.terms())
        || fleet.anyAccepts(c.withTerms(requiredTerms(c)), requiredTerms(c));
  }

  private static List<PodClass> renumber(List<PodClass> classes) {
    List<PodClass> out = new ArrayList<>();
    Set<PodId> seen = new HashSet<>();
    for (PodClass c : classes) {
      if (seen.add(c.pods().get(0))) {
        out.add(c.withPods(out.size(), c.pods(), c.domain()));
      }
    }
    return out;
  }
}
