package io.flotilla.core.plan;

import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.List;
import java.util.Map;

/**
 * Whether a pod may run on a node: taints, image architecture, node selector terms and pinned
 * topology domains. Each check answers with the reason it fails, or null.
 */
final class Compatibility {
  private Compatibility() {}

  static boolean daemonRuns(Pod daemon, NodeTemplate node, List<Taint> taints, String arch) {
    return Toleration.firstUntolerated(daemon.tolerations(), taints) == null
        && archOk(daemon, arch)
        && node.matchesAny(daemon.nodeAffinity().requiredTerms());
  }

  /** Why the class cannot run on a node with these labels and taints, or null if it can. */
  static String whyNot(PodClass c, NodeTemplate node, List<Taint> taints, String arch) {
    String reason = whyNotTaintsOrArch(c.template(), taints, arch);
    if (reason != null) {
      return reason;
    }
    return whyNotLabels(c, node);
  }

  static String whyNotTaintsOrArch(Pod pod, List<Taint> taints, String arch) {
    Taint taint = Toleration.firstUntolerated(pod.tolerations(), taints);
    if (taint != null) {
      return "taint " + taint + " not tolerated";
    }
    if (!archOk(pod, arch)) {
      return "image has no "
          + arch
          + " build (built for "
          + String.join(",", new java.util.TreeSet<>(pod.architectures()))
          + ")";
    }
    return null;
  }

  static String whyNotLabels(PodClass c, NodeTemplate node) {
    for (Map.Entry<String, String> pin : c.domain().entrySet()) {
      if (!pin.getValue().equals(node.get(pin.getKey()))) {
        return "topology spread assigned " + pin.getKey() + "=" + pin.getValue();
      }
    }
    if (!node.matchesAny(c.terms())) {
      return "node selector/affinity " + describe(c.terms()) + " not satisfied";
    }
    return null;
  }

  static boolean archOk(Pod pod, String arch) {
    return pod.architectures().isEmpty() || arch == null || pod.architectures().contains(arch);
  }

  static String describe(List<Requirements> terms) {
    if (terms.size() == 1) {
      return terms.get(0).toString();
    }
    return terms.stream().map(Requirements::toString).toList().toString().replace("], [", "] or [");
  }
}
