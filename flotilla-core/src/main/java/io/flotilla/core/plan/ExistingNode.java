package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import java.util.BitSet;
import java.util.List;

/**
 * An existing node while the plan fills it: room left after DaemonSets and bound pods, and what is
 * on it for the co-location rules.
 */
final class ExistingNode {
  final Node node;
  final NodeTemplate template;
  final long[] free;
  final Resources overhead;
  final List<Pod> bound;
  final int[] counts;
  final int[] groupCounts;
  final BitSet present;
  final BitSet blocked;

  ExistingNode(
      Node node,
      long[] free,
      Resources overhead,
      List<Pod> bound,
      int classes,
      int[] groupCounts,
      BitSet blocked) {
    this.node = node;
    this.template = NodeTemplate.of(node.labels());
    this.free = free;
    this.overhead = overhead;
    this.bound = bound;
    this.counts = new int[classes];
    this.groupCounts = groupCounts;
    this.present = new BitSet(classes);
    this.blocked = blocked;
  }

  String arch() {
    return node.labels().get(WellKnownLabels.ARCH);
  }

  /** Free fraction of cpu plus memory: lower means fuller, the better fit. */
  double slack(long[] allocatable) {
    double s = 0;
    for (int d = 0; d < 2; d++) {
      s += allocatable[d] == 0 ? 0 : (double) free[d] / allocatable[d];
    }
    return s;
  }
}
