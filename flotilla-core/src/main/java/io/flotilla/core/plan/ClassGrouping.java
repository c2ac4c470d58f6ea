package io.flotilla.core.plan;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups pending pods into classes of identical scheduling signature, so the planner works on
 * hundreds of classes rather than tens of thousands of pods.
 */
final class ClassGrouping {
  private ClassGrouping() {}

  static List<PodClass> group(List<Pod> pending, Dimensions dims) {
    Map<Pod, List<PodId>> bySignature = new LinkedHashMap<>();
    Map<Pod, Pod> firstOf = new LinkedHashMap<>();
    for (Pod pod : pending) {
      Pod signature = signature(pod);
      bySignature.computeIfAbsent(signature, k -> new ArrayList<>()).add(pod.id());
      firstOf.putIfAbsent(signature, pod);
    }
    List<PodClass> classes = new ArrayList<>();
    for (Map.Entry<Pod, List<PodId>> e : bySignature.entrySet()) {
      List<PodId> ids = new ArrayList<>(e.getValue());
      ids.sort(null);
      Pod template = firstOf.get(e.getKey());
      classes.add(
          new PodClass(
              classes.size(),
              template,
              ids,
              dims.vector(withPodSlot(template.requests())),
              template.nodeAffinity().requiredTerms(),
              Map.of(),
              false));
    }
    return classes;
  }

  /** Every pod takes one of the node's pod slots. */
  static Resources withPodSlot(Resources requests) {
    return requests.plus(Resources.of(ResourceNames.PODS, 1));
  }

  /** The pod with identity and owner blanked: equal signatures schedule identically. */
  private static Pod signature(Pod pod) {
    return new Pod(
        new PodId(pod.id().namespace(), ""),
        pod.labels(),
        pod.requests(),
        pod.nodeAffinity(),
        pod.tolerations(),
        pod.topologySpread(),
        pod.antiAffinity(),
        pod.affinity(),
        pod.architectures(),
        pod.hostPorts(),
        "",
        null);
  }
}
