package io.flotilla.core.plan;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Required pod affinity on {@code kubernetes.io/hostname}: pods that must share a node with pods
 * their term selects. With matching pods already bound, the class is restricted to those nodes. A
 * class whose term selects only itself becomes one bundle, packed as a single pod of the summed
 * requests and unpacked afterwards (kube-scheduler lets the first pod land anywhere; the others
 * must follow it). A class whose term selects other pending pods joins their nodes after packing
 * ({@link AffinityJoin}). A bundle holds no more pods than one node may: one when the pods repel
 * each other (anti-affinity on the hostname, a host port), maxSkew under a hostname spread of their
 * own; the others can follow the first pod nowhere and are unschedulable.
 */
final class HostnameAffinity {
  /**
   * Classes to pack, bundles (synthetic pod to real pods), classes that join after packing, and
   * pods no node may take beside their group's first pod.
   */
  record Result(
      List<PodClass> classes,
      Map<PodId, List<PodId>> bundles,
      List<PodClass> joining,
      Map<PodId, String> refused) {}

  private HostnameAffinity() {}

  static Result apply(List<PodClass> input, List<Pod> boundPods) {
    List<PodClass> classes = new ArrayList<>();
    Map<PodId, List<PodId>> bundles = new HashMap<>();
    List<PodClass> joining = new ArrayList<>();
    Map<PodId, String> refused = new TreeMap<>();
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
        int size = (int) Math.min(c.count(), perNode(c.template()));
        List<PodId> members = c.pods().subList(0, size);
        for (PodId p : c.pods().subList(size, c.pods().size())) {
          refused.put(
              p,
              "required pod affinity on kubernetes.io/hostname: its pods must share one node, which"
                  + " may hold only "
                  + size
                  + " of them (anti-affinity, host ports or hostname spread)");
        }
        PodId bundle = new PodId(ns, members.get(0).name() + "#with-" + (size - 1));
        bundles.put(bundle, List.copyOf(members));
        long[] request = c.request().clone();
        for (int d = 0; d < request.length; d++) {
          request[d] *= size;
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
    return new Result(classes, bundles, joining, refused);
  }

  /** How many pods like this one a node may hold: repelling pods one, a hostname spread maxSkew. */
  private static long perNode(Pod pod) {
    if (Colocation.repels(pod, pod)) {
      return 1;
    }
    long cap = Long.MAX_VALUE;
    for (TopologySpread s : pod.topologySpread()) {
      if (WellKnownLabels.HOSTNAME.equals(s.topologyKey()) && s.selector().matches(pod.labels())) {
        cap = Math.min(cap, s.maxSkew());
      }
    }
    return cap;
  }

  static List<PodAffinityTerm> hostnameTerms(Pod pod) {
    return pod.affinity().stream()
        .filter(t -> WellKnownLabels.HOSTNAME.equals(t.topologyKey()))
        .toList();
  }
}
