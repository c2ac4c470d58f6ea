package io.flotilla.core.plan;

import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reuse first: pods go onto existing nodes before anything is launched, largest classes first, each
 * onto the fullest node that still takes it, so large holes stay open for large pods.
 */
final class ExistingPlacement {
  private ExistingPlacement() {}

  /** Fills nodes; returns, per class id, how many pods went to which node (in order). */
  static Map<Integer, Map<ExistingNode, Long>> fill(
      List<PodClass> classes,
      long[] remaining,
      List<ExistingNode> nodes,
      Colocation colocation,
      Dimensions dims) {
    Map<Integer, Map<ExistingNode, Long>> placed = new LinkedHashMap<>();
    List<PodClass> order = new ArrayList<>(classes);
    order.sort(PodClass::bySizeDescending);
    for (PodClass c : order) {
      // The scheduler binds on required terms; preferences only rank the nodes.
      PodClass required = c.withTerms(ClassPreparation.requiredTerms(c));
      List<ExistingNode> candidates = new ArrayList<>();
      for (ExistingNode n : nodes) {
        if (!n.node.unschedulable()
            && Compatibility.whyNot(required, n.template, n.node.taints(), n.arch()) == null
            && Dimensions.fits(c.request(), n.free)) {
          candidates.add(n);
        }
      }
      // kube-scheduler scores nodes without untolerated PreferNoSchedule taints higher, then
      // preferred affinity; among equals the fullest node keeps large holes open.
      candidates.sort(
          Comparator.comparingInt(
                  (ExistingNode n) ->
                      Toleration.untoleratedSoftTaints(c.template().tolerations(), n.node.taints()))
              .thenComparingInt(n -> -c.template().nodeAffinity().preferenceScore(n.node.labels()))
              .thenComparingDouble(n -> n.slack(dims.vector(n.node.allocatable()))));
      for (ExistingNode n : candidates) {
        if (remaining[c.id()] == 0) {
          break;
        }
        long k =
            Math.min(
                remaining[c.id()],
                Math.min(
                    Dimensions.copiesThatFit(c.request(), n.free),
                    colocation.room(c.id(), n.counts, n.groupCounts, n.present, n.blocked)));
        if (k <= 0) {
          continue;
        }
        Dimensions.subtract(n.free, c.request(), k);
        colocation.add(c.id(), k, n.counts, n.groupCounts, n.present);
        remaining[c.id()] -= k;
        placed.computeIfAbsent(c.id(), x -> new LinkedHashMap<>()).merge(n, k, Long::sum);
      }
    }
    return placed;
  }
}
