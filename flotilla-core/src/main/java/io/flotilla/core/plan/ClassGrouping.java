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
    // One map (a signature is hashed once per pod): the first pod of a signature and all its ids.
    Map<Pod, Members> bySignature = new LinkedHashMap<>();
    for (Pod pod : pending) {
      bySignature.computeIfAbsent(signature(pod), k -> new Members(pod)).ids().add(pod.id());
    }
    List<PodClass> classes = new ArrayList<>();
    for (Members members : bySignature.values()) {
      List<PodId> ids = new ArrayList<>(members.ids());
      ids.sort(null);
      Pod template = members.first();
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

  private record Members(Pod first, List<PodId> ids) {
    Members(Pod first) {
      this(first, new ArrayList<>());
    }
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
