package io.flotilla.core.plan;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Required pod affinity on {@code kubernetes.io/hostname}: pods that must share a node with pods
 * their term selects. With matching pods already bound, the class is restricted to those nodes. A
 * class whose term selects only itself becomes one bundle, packed as a single pod of the summed
 * requests and unpacked afterwards (kube-scheduler lets the first pod land anywhere; the others
 * must follow it). A class whose term selects other pending pods joins their nodes after packing
 * ({@link AffinityJoin}).
 */
final class HostnameAffinity {
  /** Classes to pack, bundles (synthetic pod to real pods), and classes that join after packing. */
  record Result(List<PodClass> classes, Map<PodId, List<PodId>> bundles, List<PodClass> joining) {}

  private HostnameAffinity() {}

  static Result apply(List<PodClass> input, List<Pod> boundPods) {
    List<PodClass> classes = new ArrayList<>();
    Map<PodId, List<PodId>> bundles = new HashMap<>();
    List<PodClass> joining = new ArrayList<>();
    for (PodClass c : input) {
      List<PodAffinityTerm> terms = hostnameTerms(c.template());
      if (terms.isEmpty()) {
        classes.add(c);
        continue;
      }
      String ns = c.template().id().namespace();
      Set<String> nodes = new TreeSet<>();
      for (Pod p : boundPods) {
        if (terms.stream().allMatch(t -> t.selects(p, ns))) {
          nodes.add(p.nodeName());
        }
      }
      if (!nodes.isEmpty()) {
        classes.add(
            c.restrict(
                Requirements.of(
                    new Requirement(WellKnownLabels.HOSTNAME, Operator.IN, nodes, null))));
        continue;
      }
      boolean others =
          input.stream()
              .anyMatch(d -> d != c && terms.stream().allMatch(t -> t.selects(d.template(), ns)));
      if (!others && terms.stream().allMatch(t -> t.selects(c.template(), ns))) {
        PodId bundle = new PodId(ns, c.pods().get(0).name() + "#with-" + (c.count() - 1));
        bundles.put(bundle, c.pods());
        long[] request = c.request().clone();
        for (int d = 0; d < request.length; d++) {
          request[d] *= c.count();
        }
        classes.add(
            new PodClass(
                c.id(),
                c.template(),
                List.of(bundle),
                request,
                c.terms(),
                c.domain(),
                c.avoidSoftTaints()));
      } else {
        joining.add(c);
      }
    }
    return new Result(classes, bundles, joining);
  }

  static List<PodAffinityTerm> hostnameTerms(Pod pod) {
    return pod.affinity().stream()
        .filter(t -> WellKnownLabels.HOSTNAME.equals(t.topologyKey()))
        .toList();
  }
}
