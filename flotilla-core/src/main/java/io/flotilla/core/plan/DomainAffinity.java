package io.flotilla.core.plan;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Required pod affinity and anti-affinity over node-level keys (zone, capacity type, any label),
 * turned into domain pins and restrictions before packing. Anti-affinity: a pod never shares a
 * domain with a pod its term selects, nor with a pod whose term selects it; a term that selects the
 * pod's own class puts one pod per domain. Affinity: a pod goes to a domain holding a pod its term
 * selects (bound pods' domains, or the domain chosen for pending ones); a pod whose term selects
 * only its own class puts the whole class in one domain, as kube-scheduler lets the first pod of
 * such a group land anywhere and the rest follow. Hostname terms are handled per node elsewhere.
 */
final class DomainAffinity {
  /** Sub-classes with pins and restrictions, and pods no domain may take. */
  record Result(List<PodClass> classes, Map<PodId, String> unschedulable) {}

  private final List<Pod> boundPods;
  private final Map<String, Map<String, String>> nodeLabels;
  private final DomainCatalog catalog;

  DomainAffinity(
      List<Pod> boundPods, Map<String, Map<String, String>> nodeLabels, DomainCatalog catalog) {
    this.boundPods = boundPods;
    this.nodeLabels = nodeLabels;
    this.catalog = catalog;
  }

  Result apply(List<PodClass> input) {
    List<PodClass> classes = new ArrayList<>(input);
    Map<PodId, String> failed = new LinkedHashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      PodClass c = classes.get(i);
      for (PodAffinityTerm t : c.template().affinity()) {
        if (!WellKnownLabels.HOSTNAME.equals(t.topologyKey()) && classes.get(i) != null) {
          affinity(classes, i, t, failed);
        }
      }
    }
    List<PodClass> out = new ArrayList<>();
    for (int i = 0; i < classes.size(); i++) {
      PodClass c = classes.get(i);
      if (c == null) {
        continue;
      }
      List<PodClass> parts = List.of(c);
      for (PodAffinityTerm t : c.template().antiAffinity()) {
        if (!WellKnownLabels.HOSTNAME.equals(t.topologyKey())) {
          List<PodClass> next = new ArrayList<>();
          for (PodClass part : parts) {
            next.addAll(antiAffinity(part, t, out, classes, failed));
          }
          parts = next;
        }
      }
      out.addAll(parts);
    }
    // Symmetry: a class is kept out of the domains of classes whose terms select it.
    // Only classes with anti-affinity terms can repel: look at those alone (n^2 otherwise).
    List<PodClass> repellers =
        out.stream().filter(d -> !d.template().antiAffinity().isEmpty()).toList();
    List<PodClass> restricted = new ArrayList<>();
    for (PodClass c : out) {
      restricted.add(keptFromRepellers(c, repellers));
    }
    return new Result(restricted, failed);
  }

  private void affinity(
      List<PodClass> classes, int i, PodAffinityTerm t, Map<PodId, String> failed) {
    PodClass c = classes.get(i);
    String key = t.topologyKey();
    String ns = c.template().id().namespace();
    Set<String> known = new TreeSet<>();
    for (Pod p : boundPods) {
      String d = domainOf(p, key);
      if (d != null && t.selects(p, ns)) {
        known.add(d);
      }
    }
    List<Integer> unpinned = new ArrayList<>();
    for (int j = 0; j < classes.size(); j++) {
      PodClass d = classes.get(j);
      if (d == null || j == i || !t.selects(d.template(), ns)) {
        continue;
      }
      if (d.domain().containsKey(key)) {
        known.add(d.domain().get(key));
      } else {
        unpinned.add(j);
      }
    }
    if (c.domain().containsKey(key)) {
      if (!known.isEmpty() && !known.contains(c.domain().get(key))) {
        fail(c, failed, "required pod affinity on " + key + ": its domain holds no matching pod");
        classes.set(i, null);
      }
      return;
    }
    if (!known.isEmpty()) {
      classes.set(i, c.restrict(Requirements.of(new Requirement(key, Operator.IN, known, null))));
      return;
    }
    boolean self = t.selects(c.template(), ns);
    if (unpinned.isEmpty() && !self) {
      fail(c, failed, "required pod affinity on " + key + ": no pod matches the term");
      classes.set(i, null);
      return;
    }
    // Pending targets (or the class itself) go together into the domain cheapest for the class.
    Set<String> domains = new TreeSet<>(catalog.domains(c, key));
    for (int j : unpinned) {
      domains.retainAll(catalog.domains(classes.get(j), key));
    }
    String chosen = cheapest(c, key, domains);
    if (chosen == null) {
      fail(c, failed, "required pod affinity on " + key + ": no domain can hold it and its peers");
      classes.set(i, null);
      return;
    }
    classes.set(i, pin(c, key, chosen));
    for (int j : unpinned) {
      classes.set(j, pin(classes.get(j), key, chosen));
    }
  }

  private List<PodClass> antiAffinity(
      PodClass c,
      PodAffinityTerm t,
      List<PodClass> assigned,
      List<PodClass> all,
      Map<PodId, String> failed) {
    String key = t.topologyKey();
    String ns = c.template().id().namespace();
    Set<String> taken = new TreeSet<>();
    for (Pod p : boundPods) {
      String d = domainOf(p, key);
      if (d != null && (t.selects(p, ns) || repels(p, c.template(), key))) {
        taken.add(d);
      }
    }
    for (PodClass d : assigned) {
      String v = d.domain().get(key);
      if (v != null && (t.selects(d.template(), ns) || repels(d.template(), c.template(), key))) {
        taken.add(v);
      }
    }
    boolean self = t.selects(c.template(), ns);
    if (!self) {
      if (c.domain().containsKey(key)) {
        if (taken.contains(c.domain().get(key))) {
          fail(
              c,
              failed,
              "required pod anti-affinity on " + key + ": its domain holds a matching pod");
          return List.of();
        }
        return List.of(c);
      }
      boolean pendingTargets =
          all.stream()
              .anyMatch(
                  d ->
                      d != null
                          && d != c
                          && !d.domain().containsKey(key)
                          && t.selects(d.template(), ns));
      if (!pendingTargets) {
        return taken.isEmpty()
            ? List.of(c)
            : List.of(
                c.restrict(Requirements.of(new Requirement(key, Operator.NOT_IN, taken, null))));
      }
      // Pending pods it repels have no domain yet: pin it, and they will keep out of its domain.
      Set<String> free = new TreeSet<>(catalog.domains(c, key));
      free.removeAll(taken);
      String chosen = cheapest(c, key, free);
      if (chosen == null) {
        fail(
            c,
            failed,
            "required pod anti-affinity on " + key + ": every domain holds a matching pod");
        return List.of();
      }
      return List.of(pin(c, key, chosen));
    }
    // One pod per domain free of matching pods, the cheapest domains first.
    List<String> free = new ArrayList<>();
    if (c.domain().containsKey(key)) {
      if (!taken.contains(c.domain().get(key))) {
        free.add(c.domain().get(key));
      }
    } else {
      Set<String> candidates = new TreeSet<>(catalog.domains(c, key));
      candidates.removeAll(taken);
      free.addAll(candidates);
      free.sort(java.util.Comparator.comparingDouble(d -> catalog.costCurve(pin(c, key, d), 1)[1]));
    }
    List<PodClass> out = new ArrayList<>();
    List<PodId> pods = c.pods();
    for (int k = 0; k < pods.size(); k++) {
      if (k < free.size()) {
        Map<String, String> domain = new TreeMap<>(c.domain());
        domain.put(key, free.get(k));
        out.add(c.withPods(-1, List.of(pods.get(k)), domain));
      } else {
        failed.put(
            pods.get(k),
            "required pod anti-affinity on "
                + key
                + ": "
                + free.size()
                + " domain(s) free of matching pods for "
                + pods.size()
                + " pods");
      }
    }
    return out;
  }

  /** Keeps the class out of domains of classes whose anti-affinity selects it. */
  private PodClass keptFromRepellers(PodClass c, List<PodClass> all) {
    Map<String, Set<String>> banned = new TreeMap<>();
    for (PodClass d : all) {
      if (d == c) {
        continue;
      }
      for (PodAffinityTerm t : d.template().antiAffinity()) {
        String v = d.domain().get(t.topologyKey());
        if (!WellKnownLabels.HOSTNAME.equals(t.topologyKey())
            && v != null
            && t.selects(c.template(), d.template().id().namespace())) {
          banned.computeIfAbsent(t.topologyKey(), k -> new TreeSet<>()).add(v);
        }
      }
    }
    PodClass out = c;
    for (Map.Entry<String, Set<String>> e : banned.entrySet()) {
      String own = c.domain().get(e.getKey());
      if (own != null && e.getValue().contains(own)) {
        continue; // both pinned to the same domain only when one of them has no term: cannot be
      }
      out =
          out.restrict(
              Requirements.of(new Requirement(e.getKey(), Operator.NOT_IN, e.getValue(), null)));
    }
    return out;
  }

  /** Does a pod's anti-affinity on the key select the other pod? */
  private static boolean repels(Pod pod, Pod other, String key) {
    for (PodAffinityTerm t : pod.antiAffinity()) {
      if (t.topologyKey().equals(key) && t.selects(other, pod.id().namespace())) {
        return true;
      }
    }
    return false;
  }

  private String cheapest(PodClass c, String key, Set<String> domains) {
    String best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (String d : domains) {
      double cost = catalog.costCurve(pin(c, key, d), c.count())[c.count()];
      if (best == null || cost < bestCost - 1e-12) {
        best = d;
        bestCost = cost;
      }
    }
    return best;
  }

  private String domainOf(Pod p, String key) {
    Map<String, String> labels = nodeLabels.get(p.nodeName());
    return labels == null ? null : labels.get(key);
  }

  private static PodClass pin(PodClass c, String key, String domain) {
    Map<String, String> pins = new TreeMap<>(c.domain());
    pins.put(key, domain);
    return c.withPods(c.id(), c.pods(), pins);
  }

  private static void fail(PodClass c, Map<PodId, String> failed, String reason) {
    c.pods().forEach(p -> failed.put(p, reason));
  }
}
