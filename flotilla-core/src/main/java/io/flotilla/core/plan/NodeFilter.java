package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;

/**
 * kube-scheduler's filters for one pod and one node that do not depend on other pods: the node is
 * schedulable, its taints are tolerated, its architecture is one the pod's images have, its labels
 * meet the pod's required node affinity (which holds its nodeSelector). The planner's own rules,
 * for a scheduler model to bind with; room and inter-pod rules are the caller's.
 */
public final class NodeFilter {
  private NodeFilter() {}

  /** Why the pod cannot be bound to the node, or null when these filters pass. */
  public static String whyNot(Pod pod, Node node) {
    if (node.unschedulable()) {
      return "node is unschedulable";
    }
    String reason =
        Compatibility.whyNotTaintsOrArch(
            pod, node.taints(), node.labels().get(WellKnownLabels.ARCH));
    if (reason != null) {
      return reason;
    }
    if (!NodeTemplate.of(node.labels()).matchesAny(pod.nodeAffinity().requiredTerms())) {
      return "node selector/affinity not satisfied";
    }
    return null;
  }
}
