package io.flotilla.core.testing.check;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.testing.check.Cluster.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Required pod affinity and anti-affinity on any topology key (namespaces: the term's list, or the
 * pod's own namespace when it lists none; namespace selectors are not modelled).
 *
 * <p>Anti-affinity: two pods, at least one of them placed by the plan, may not be on nodes with the
 * same value of a term's key when the term of either selects the other (kube-scheduler checks the
 * incoming pod's terms and the terms of the pods already there). Nodes without the key share no
 * domain.
 *
 * <p>Affinity, kube-scheduler's rule (InterPodAffinity's filter): a pod with terms T may go to a
 * node only if the node carries every term's key and, for every term t, some pod already there that
 * matches <em>all</em> of T sits on a node with the same value of t's key; except when no pod at
 * all matches all of T (on a node carrying one of the keys) and the pod matches all of T itself:
 * then it may go to any node with the keys (the first pod of a group with affinity to itself). The
 * plan does not say in which order pods are bound, so the check asks whether some order exists:
 * pods already bound, and placed pods without affinity, may come first; a placed pod that no other
 * pod supports in the final state must be such a first pod ("claimant"), which needs no bound pod
 * to match its terms and cannot share a group with another claimant (each matches the other's
 * terms); the others must be supported, step by step, by pods placed before them. A pod left
 * unsupported is a violation. This is exact for replicas with affinity to their own group or to
 * another workload, and never flags a plan some order could produce.
 */
final class PodAffinity {
  private final Cluster cluster;
  private final Map<List<Object>, List<Pod>> matchingAll = new HashMap<>();

  PodAffinity(Cluster cluster) {
    this.cluster = cluster;
  }

  List<String> antiAffinity() {
    List<String> out = new ArrayList<>();
    Set<String> reported = new HashSet<>();
    Map<String, Map<String, List<Pod>>> byDomain = new HashMap<>();
    for (Pod a : cluster.located()) {
      for (PodAffinityTerm t : a.antiAffinity()) {
        String domain = cluster.location.get(a.id()).label(t.topologyKey());
        if (domain == null) {
          continue;
        }
        List<Pod> there =
            byDomain
                .computeIfAbsent(t.topologyKey(), this::podsByDomain)
                .getOrDefault(domain, List.of());
        for (Pod b : there) {
          if (b == a || (a.bound() && b.bound()) || !Selectors.selects(t, a.id().namespace(), b)) {
            continue;
          }
          String pair = order(a, b) + "|" + t.topologyKey();
          if (reported.add(pair)) {
            out.add(
                a.id()
                    + " and "
                    + b.id()
                    + " share "
                    + t.topologyKey()
                    + "="
                    + domain
                    + " but "
                    + a.id()
                    + " has anti-affinity to pods like "
                    + b.id());
          }
        }
      }
    }
    return out;
  }

  private static String order(Pod a, Pod b) {
    String x = a.id().toString();
    String y = b.id().toString();
    return x.compareTo(y) < 0 ? x + "|" + y : y + "|" + x;
  }

  private Map<String, List<Pod>> podsByDomain(String key) {
    Map<String, List<Pod>> by = new HashMap<>();
    for (Pod p : cluster.located()) {
      String v = cluster.location.get(p.id()).label(key);
      if (v != null) {
        by.computeIfAbsent(v, k -> new ArrayList<>()).add(p);
      }
    }
    return by;
  }

  List<String> affinity() {
    List<String> out = new ArrayList<>();
    List<Pod> withTerms = new ArrayList<>();
    Set<Pod> grounded = new LinkedHashSet<>();
    for (Pod p : cluster.located()) {
      if (p.bound() || p.affinity().isEmpty()) {
        grounded.add(p);
        continue;
      }
      NodeView n = cluster.location.get(p.id());
      String missing =
          p.affinity().stream()
              .map(PodAffinityTerm::topologyKey)
              .filter(k -> n.label(k) == null)
              .findFirst()
              .orElse(null);
      if (missing != null) {
        out.add(
            p.id() + " has pod affinity over " + missing + " but " + n.name + " has no such label");
      } else {
        withTerms.add(p);
      }
    }
    Set<Pod> everyone = new HashSet<>(cluster.located());
    List<Pod> mustClaim = withTerms.stream().filter(p -> !supported(p, everyone)).toList();
    List<Pod> validClaimants = mustClaim.stream().filter(this::mayClaim).toList();
    for (int i = 0; i < validClaimants.size(); i++) {
      for (int j = i + 1; j < validClaimants.size(); j++) {
        Pod a = validClaimants.get(i);
        Pod b = validClaimants.get(j);
        if (conflict(a, b)) {
          out.add(
              a.id()
                  + " on "
                  + cluster.location.get(a.id()).name
                  + " and "
                  + b.id()
                  + " on "
                  + cluster.location.get(b.id()).name
                  + " both need to be the first pod of their affinity group:"
                  + " neither has a pod its terms select in its domain");
        }
      }
    }
    grounded.addAll(validClaimants);
    for (Pod c : withTerms) {
      if (!mustClaim.contains(c)
          && mayClaim(c)
          && validClaimants.stream().noneMatch(m -> conflict(c, m))) {
        grounded.add(c);
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Pod p : withTerms) {
        if (!grounded.contains(p) && supported(p, grounded)) {
          grounded.add(p);
          grew = true;
        }
      }
    }
    for (Pod p : withTerms) {
      if (!grounded.contains(p)) {
        NodeView n = cluster.location.get(p.id());
        out.add(
            p.id()
                + " on "
                + n.name
                + " has required pod affinity "
                + describe(p)
                + " but no order of binding gives it a matching pod in its domain");
      }
    }
    return out;
  }

  private String describe(Pod p) {
    NodeView n = cluster.location.get(p.id());
    List<String> terms = new ArrayList<>();
    for (PodAffinityTerm t : p.affinity()) {
      terms.add(
          t.selector().matchLabels() + " over " + t.topologyKey() + "=" + n.label(t.topologyKey()));
    }
    return terms.toString();
  }

  /** For every term, a pod of {@code from} other than p, matching all terms, in p's domain. */
  private boolean supported(Pod p, Set<Pod> from) {
    NodeView n = cluster.location.get(p.id());
    for (PodAffinityTerm t : p.affinity()) {
      String domain = n.label(t.topologyKey());
      boolean found = false;
      for (Pod q : matchingAll(p)) {
        if (q != p
            && from.contains(q)
            && domain.equals(cluster.location.get(q.id()).label(t.topologyKey()))) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  /** Located pods matching all of p's terms, on nodes carrying at least one term's key. */
  private List<Pod> matchingAll(Pod p) {
    List<Object> key = List.of(p.id().namespace(), p.affinity());
    return matchingAll.computeIfAbsent(
        key,
        k ->
            cluster.located().stream()
                .filter(q -> matchesAll(p, q))
                .filter(
                    q ->
                        p.affinity().stream()
                            .anyMatch(
                                t -> cluster.location.get(q.id()).label(t.topologyKey()) != null))
                .toList());
  }

  private static boolean matchesAll(Pod owner, Pod q) {
    return owner.affinity().stream().allMatch(t -> Selectors.selects(t, owner.id().namespace(), q));
  }

  /** p may be the first of its group: it matches its own terms and no bound pod matches them. */
  private boolean mayClaim(Pod p) {
    return matchesAll(p, p) && matchingAll(p).stream().noneMatch(Pod::bound);
  }

  /** Two claimants cannot both be first when each matches the other's terms. */
  private boolean conflict(Pod a, Pod b) {
    return a != b && matchesAll(a, b) && matchesAll(b, a);
  }
}
