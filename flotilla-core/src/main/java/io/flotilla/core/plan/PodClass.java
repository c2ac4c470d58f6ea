package io.flotilla.core.plan;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pods the planner treats as interchangeable: same requests and the same constraints. {@code terms}
 * are the required node selector terms after preferences were folded in or relaxed; {@code domain}
 * pins node labels (a zone, a capacity type, a custom label) that topology spread assigned.
 */
record PodClass(
    int id,
    Pod template,
    List<PodId> pods,
    long[] request,
    List<Requirements> terms,
    Map<String, String> domain,
    boolean avoidSoftTaints) {

  PodClass {
    pods = List.copyOf(pods);
    terms = List.copyOf(terms);
    domain = Map.copyOf(domain);
  }

  int count() {
    return pods.size();
  }

  PodClass withPods(int newId, List<PodId> subset, Map<String, String> newDomain) {
    return new PodClass(newId, template, subset, request, terms, newDomain, avoidSoftTaints);
  }

  PodClass withTerms(List<Requirements> newTerms) {
    return new PodClass(id, template, pods, request, newTerms, domain, avoidSoftTaints);
  }

  PodClass withAvoidSoftTaints(boolean avoid) {
    return new PodClass(id, template, pods, request, terms, domain, avoid);
  }

  /**
   * The class with a hard restriction on node labels (from pod affinity or anti-affinity on a
   * topology key): it joins every required term, of the pod itself and of the folded preferences,
   * so existing and new nodes are both held to it.
   */
  PodClass restrict(Requirements restriction) {
    NodeAffinity own = template.nodeAffinity();
    Pod restricted =
        template.withNodeAffinity(
            new NodeAffinity(and(own.requiredTerms(), restriction), own.preferred()));
    return new PodClass(
        id, restricted, pods, request, and(terms, restriction), domain, avoidSoftTaints);
  }

  private static List<Requirements> and(List<Requirements> terms, Requirements extra) {
    if (terms.isEmpty()) {
      return List.of(extra);
    }
    List<Requirements> out = new ArrayList<>();
    terms.forEach(t -> out.add(t.and(extra)));
    return out;
  }

  /** Largest first, by cpu then memory, as Karpenter orders a batch; ties by name. */
  static int bySizeDescending(PodClass a, PodClass b) {
    int c = Long.compare(b.request[0], a.request[0]);
    if (c == 0) {
      c = Long.compare(b.request[1], a.request[1]);
    }
    return c != 0 ? c : a.pods.get(0).compareTo(b.pods.get(0));
  }
}
