package io.flotilla.core.plan;

import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.List;
import java.util.Map;

/**
 * Pods the planner treats as interchangeable: same requests and the same constraints. {@code terms}
 * are the required node selector terms after preferences were folded in or relaxed; {@code domain}
 * pins offering-level labels (a zone, say) that topology spread assigned.
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

  /** Largest first, by cpu then memory, as Karpenter orders a batch; ties by name. */
  static int bySizeDescending(PodClass a, PodClass b) {
    int c = Long.compare(b.request[0], a.request[0]);
    if (c == 0) {
      c = Long.compare(b.request[1], a.request[1]);
    }
    return c != 0 ? c : a.pods.get(0).compareTo(b.pods.get(0));
  }
}
