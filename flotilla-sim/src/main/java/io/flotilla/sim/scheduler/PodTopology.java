package io.flotilla.sim.scheduler;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * kube-scheduler's PodTopologySpread and InterPodAffinity filters over one scheduling call: where
 * the bound pods are, by topology domain, kept up to date as the call binds more.
 *
 * <ul>
 *   <li>A hard spread ({@code DoNotSchedule}) counts the pods of the pod's namespace that its
 *       selector matches, on nodes that match the pod's node affinity (nodeAffinityPolicy Honor)
 *       whatever their taints (nodeTaintsPolicy Ignore), terminating pods left out; every such
 *       node's domain counts, empty or not. A node without the key is refused; otherwise the
 *       domain's count, plus one if the pod matches its own selector, may exceed the smallest
 *       domain's count by at most maxSkew (the smallest is 0 while fewer domains than minDomains
 *       exist).
 *   <li>Required pod affinity: the node's domain holds a pod the term selects, or no pod anywhere
 *       matches and the pod matches its own term (the first of a group). A node without the key is
 *       refused.
 *   <li>Required anti-affinity, both ways: no pod the term selects in the node's domain, and no pod
 *       there whose own anti-affinity term selects this pod. A node without the key passes.
 * </ul>
 *
 * Soft spreads and preferred (anti-)affinity are scores in kube-scheduler; this model scores by
 * room only, so they play no part.
 */
final class PodTopology {
  /**
   * Which pods a count takes and over which nodes: the selector in the namespaces, on nodes with
   * {@code key}; with {@code eligible}, only nodes it matches and every such node's domain listed.
   */
  private record CountKey(
      LabelSelector selector,
      Set<String> namespaces,
      String key,
      NodeAffinity eligible,
      boolean withoutTerminating) {}

  /** A bound pod's anti-affinity term, seen from its namespace. */
  private record HeldTerm(PodAffinityTerm term, String namespace) {}

  private record Placed(Pod pod, Node node, boolean terminating) {}

  private final List<Node> nodes;
  private final List<Pod> pods;
  private final Function<String, Node> nodeNamed;
  private final Set<PodId> terminating;
  // Every pod bound before the call and by it: listed only once a count needs it, since most
  // calls schedule no pod with spread or inter-pod rules.
  private List<Placed> placed;
  private final List<Placed> bindings = new ArrayList<>();
  private final Map<CountKey, Map<String, Integer>> counts = new HashMap<>();
  private final Map<HeldTerm, Map<String, Integer>> heldTerms = new HashMap<>();

  /**
   * The cluster as the call starts: its nodes, its pods (bound ones on the node {@code nodeNamed}
   * finds, if any) and the terminating ones, which are still on their nodes.
   */
  PodTopology(
      List<Node> nodes, List<Pod> pods, Function<String, Node> nodeNamed, Set<PodId> terminating) {
    this.nodes = nodes;
    this.pods = pods;
    this.nodeNamed = nodeNamed;
    this.terminating = terminating;
    for (Pod p : pods) {
      if (p.bound() && !p.antiAffinity().isEmpty()) {
        Node node = nodeNamed.apply(p.nodeName());
        if (node != null) {
          hold(new Placed(p, node, terminating.contains(p.id())));
        }
      }
    }
  }

  private List<Placed> placed() {
    if (placed == null) {
      placed = new ArrayList<>();
      for (Pod p : pods) {
        Node node = p.bound() ? nodeNamed.apply(p.nodeName()) : null;
        if (node != null) {
          placed.add(new Placed(p, node, terminating.contains(p.id())));
        }
      }
      placed.addAll(bindings);
    }
    return placed;
  }

  /** A pod this call binds: every count built so far takes it in. */
  void binding(Pod pod, Node node) {
    Placed p = new Placed(pod, node, false);
    bindings.add(p);
    if (placed != null) {
      placed.add(p);
    }
    hold(p);
    counts.forEach(
        (key, byDomain) -> {
          if (counts(key, p)) {
            byDomain.merge(domain(node, key.key()), 1, Integer::sum);
          }
        });
  }

  /** Whether the pod has rules these filters check, or bound pods have rules against others. */
  boolean matters(Pod pod) {
    return !heldTerms.isEmpty()
        || !pod.affinity().isEmpty()
        || !pod.antiAffinity().isEmpty()
        || pod.topologySpread().stream().anyMatch(TopologySpread::hard);
  }

  /** Whether kube-scheduler's spread and inter-pod filters let the pod onto the node. */
  boolean admits(Pod pod, Node node) {
    String namespace = pod.id().namespace();
    for (TopologySpread s : pod.topologySpread()) {
      if (s.hard() && !spreadAllows(pod, s, node)) {
        return false;
      }
    }
    for (PodAffinityTerm t : pod.affinity()) {
      if (!affinityAllows(pod, t, node)) {
        return false;
      }
    }
    for (PodAffinityTerm t : pod.antiAffinity()) {
      String d = domain(node, t.topologyKey());
      if (d != null && count(key(t, namespace), d) > 0) {
        return false;
      }
    }
    for (Map.Entry<HeldTerm, Map<String, Integer>> e : heldTerms.entrySet()) {
      HeldTerm held = e.getKey();
      String d = domain(node, held.term().topologyKey());
      if (d != null
          && e.getValue().getOrDefault(d, 0) > 0
          && held.term().selects(pod, held.namespace())) {
        return false;
      }
    }
    return true;
  }

  private boolean spreadAllows(Pod pod, TopologySpread s, Node node) {
    String d = domain(node, s.topologyKey());
    if (d == null) {
      return false;
    }
    Map<String, Integer> byDomain =
        countsOf(
            new CountKey(
                s.selector(),
                Set.of(pod.id().namespace()),
                s.topologyKey(),
                pod.nodeAffinity(),
                true));
    int min = Integer.MAX_VALUE;
    for (int c : byDomain.values()) {
      min = Math.min(min, c);
    }
    if (min == Integer.MAX_VALUE || (s.minDomains() != null && byDomain.size() < s.minDomains())) {
      min = 0;
    }
    int self = s.selector().matches(pod.labels()) ? 1 : 0;
    return byDomain.getOrDefault(d, 0) + self - min <= s.maxSkew();
  }

  private boolean affinityAllows(Pod pod, PodAffinityTerm t, Node node) {
    String d = domain(node, t.topologyKey());
    if (d == null) {
      return false;
    }
    Map<String, Integer> byDomain = countsOf(key(t, pod.id().namespace()));
    if (byDomain.getOrDefault(d, 0) > 0) {
      return true;
    }
    return byDomain.values().stream().allMatch(c -> c == 0) && t.selects(pod, pod.id().namespace());
  }

  private static CountKey key(PodAffinityTerm t, String ownNamespace) {
    Set<String> namespaces = t.namespaces().isEmpty() ? Set.of(ownNamespace) : t.namespaces();
    return new CountKey(t.selector(), namespaces, t.topologyKey(), null, false);
  }

  private int count(CountKey key, String domain) {
    return countsOf(key).getOrDefault(domain, 0);
  }

  private Map<String, Integer> countsOf(CountKey key) {
    Map<String, Integer> byDomain = counts.get(key);
    if (byDomain == null) {
      byDomain = new HashMap<>();
      if (key.eligible() != null) {
        for (Node n : nodes) {
          String d = domain(n, key.key());
          if (d != null && key.eligible().matches(n.labels())) {
            byDomain.putIfAbsent(d, 0);
          }
        }
      }
      for (Placed p : placed()) {
        if (counts(key, p)) {
          byDomain.merge(domain(p.node(), key.key()), 1, Integer::sum);
        }
      }
      counts.put(key, byDomain);
    }
    return byDomain;
  }

  private static boolean counts(CountKey key, Placed p) {
    return !(key.withoutTerminating() && p.terminating())
        && key.namespaces().contains(p.pod().id().namespace())
        && domain(p.node(), key.key()) != null
        && (key.eligible() == null || key.eligible().matches(p.node().labels()))
        && key.selector().matches(p.pod().labels());
  }

  private void hold(Placed p) {
    for (PodAffinityTerm t : p.pod().antiAffinity()) {
      String d = domain(p.node(), t.topologyKey());
      if (d != null) {
        heldTerms
            .computeIfAbsent(new HeldTerm(t, p.pod().id().namespace()), k -> new HashMap<>())
            .merge(d, 1, Integer::sum);
      }
    }
  }

  /** The node's value of the key; a node's hostname is its name unless labelled otherwise. */
  static String domain(Node node, String key) {
    String value = node.labels().get(key);
    if (value == null && WellKnownLabels.HOSTNAME.equals(key)) {
      return node.name();
    }
    return value;
  }
}
