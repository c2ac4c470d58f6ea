package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;

/**
 * kube-scheduler's filters for one node that do not depend on other pods: the node is schedulable,
 * its taints are tolerated, its architecture is one the pod's images have, its labels meet the
 * pod's required node affinity (which holds its nodeSelector). The planner's own rules, for a
 * scheduler model to bind with; room and inter-pod rules are the caller's. Made once per node, so
 * its labels are indexed once for all the pods tried on it.
 */
public final class NodeFilter {
  private final Node node;
  private final NodeTemplate template;

  private NodeFilter(Node node) {
    this.node = node;
    this.template = NodeTemplate.of(node.labels());
  }

  public static NodeFilter of(Node node) {
    return new NodeFilter(node);
  }

  /** Why the pod cannot be bound to the node, or null when these filters pass. */
  public String whyNot(Pod pod) {
    if (node.unschedulable()) {
      return "node is unschedulable";
    }
    String reason =
        Compatibility.whyNotTaintsOrArch(
            pod, node.taints(), node.labels().get(WellKnownLabels.ARCH));
    if (reason != null) {
      return reason;
    }
    if (!template.matchesAny(pod.nodeAffinity().requiredTerms())) {
      return "node selector/affinity not satisfied";
    }
    return null;
  }
}
