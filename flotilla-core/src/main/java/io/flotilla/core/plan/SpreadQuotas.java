package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Topology spread over node-level domains (zones, capacity types, any label a node carries): each
 * pod goes to the domain with the fewest matching pods, which keeps every placement within maxSkew;
 * the class then splits into one sub-class per domain. Hostname spread is a per-node cap instead
 * (see {@link Colocation}).
 */
final class SpreadQuotas {
  /** The result: sub-classes pinned to domains, pods no domain may take, and the spreads. */
  record Result(List<PodClass> classes, Map<PodId, String> unschedulable, List<Spread> spreads) {}

  /** One hard spread as planned: the pods it counts and the domains it spans. */
  record Spread(
      TopologySpread constraint, String namespace, Set<String> domains, Set<PodId> constrained) {}

  private record Key(LabelSelector selector, String namespace, String topologyKey) {}

  private final Map<Key, Map<String, Integer>> counts = new HashMap<>();
  private final List<Pod> boundPods;
  private final Map<String, Map<String, String>> nodeLabels;

  /** bound pods and the labels of the nodes they are on, by node name. */
  SpreadQuotas(List<Pod> boundPods, Map<String, Map<String, String>> nodeLabels) {
    this.boundPods = boundPods;
    this.nodeLabels = nodeLabels;
  }

  /**
   * @param domainsOf the values of a topology key on the nodes a class may use
   * @param usable whether any node at all may take the class
   */
  Result apply(
      List<PodClass> classes,
      BiFunction<PodClass, String, Set<String>> domainsOf,
      java.util.function.Predicate<PodClass> usable) {
    List<PodClass> out = new ArrayList<>();
    Map<PodId, String> failed = new LinkedHashMap<>();
    List<Spread> spreads = new ArrayList<>();
    List<Key> keys = new ArrayList<>();
    for (PodClass c : classes) {
      TopologySpread s = nodeLevelSpread(c.template());
      if (s != null) {
        keys.add(new Key(s.selector(), c.template().id().namespace(), s.topologyKey()));
      }
    }
    // Pods a spread counts but that carry no spread of their own go first, spread evenly too,
    // so the constrained pods' quotas see where they are.
    for (PodClass c : classes) {
      if (nodeLevelSpread(c.template()) == null) {
        out.addAll(follow(c, keys, domainsOf));
      }
    }
    for (PodClass c : classes) {
      TopologySpread spread = nodeLevelSpread(c.template());
      if (spread == null) {
        continue;
      }
      Set<String> domains = domainsOf.apply(c, spread.topologyKey());
      if (domains.isEmpty() && !usable.test(c)) {
        out.add(c); // nowhere to go at all: the general explanation says why
        continue;
      }
      Key key = new Key(spread.selector(), c.template().id().namespace(), spread.topologyKey());
      Map<String, Integer> tally = counts.computeIfAbsent(key, this::boundCounts);
      Map<String, List<PodId>> assigned = new TreeMap<>();
      boolean tooFewDomains = spread.minDomains() != null && domains.size() < spread.minDomains();
      for (PodId pod : c.pods()) {
        String best = fewest(domains, tally);
        if (best == null) {
          failed.put(
              pod,
              "topology spread on "
                  + spread.topologyKey()
                  + ": no node the pod may use carries that label");
          continue;
        }
        if (tooFewDomains && tally.getOrDefault(best, 0) + 1 > spread.maxSkew()) {
          failed.put(
              pod,
              "topology spread on "
                  + spread.topologyKey()
                  + ": only "
                  + domains.size()
                  + " domains, minDomains "
                  + spread.minDomains());
          continue;
        }
        tally.merge(best, 1, Integer::sum);
        assigned.computeIfAbsent(best, d -> new ArrayList<>()).add(pod);
      }
      recordElsewhere(c, key, assigned);
      if (spread.hard()) {
        spreads.add(
            new Spread(
                spread,
                c.template().id().namespace(),
                Set.copyOf(domains),
                java.util.Set.copyOf(c.pods())));
      }
      out.addAll(pinned(c, spread.topologyKey(), assigned));
    }
    return new Result(out, failed, spreads);
  }

  /**
   * Spreads a class without a spread of its own evenly over the domains of a spread it counts in.
   */
  private List<PodClass> follow(
      PodClass c, List<Key> keys, BiFunction<PodClass, String, Set<String>> domainsOf) {
    Key key = null;
    for (Key k : keys) {
      if (k.namespace().equals(c.template().id().namespace())
          && k.selector().matches(c.template().labels())) {
        key = k;
        break;
      }
    }
    if (key == null) {
      return List.of(c);
    }
    Set<String> domains = domainsOf.apply(c, key.topologyKey());
    if (domains.isEmpty()) {
      return List.of(c);
    }
    Map<String, Integer> tally = counts.computeIfAbsent(key, this::boundCounts);
    Map<String, List<PodId>> assigned = new TreeMap<>();
    for (PodId pod : c.pods()) {
      String best = fewest(domains, tally);
      tally.merge(best, 1, Integer::sum);
      assigned.computeIfAbsent(best, d -> new ArrayList<>()).add(pod);
    }
    recordElsewhere(c, key, assigned);
    return pinned(c, key.topologyKey(), assigned);
  }

  /** The domain with the fewest matching pods (the first, in order, on ties), or null. */
  private static String fewest(Set<String> domains, Map<String, Integer> tally) {
    String best = null;
    for (String d : domains) {
      if (best == null || tally.getOrDefault(d, 0) < tally.getOrDefault(best, 0)) {
        best = d;
      }
    }
    return best;
  }

  /** One sub-class per domain, pinned to it. */
  private static List<PodClass> pinned(
      PodClass c, String topologyKey, Map<String, List<PodId>> assigned) {
    List<PodClass> out = new ArrayList<>();
    for (Map.Entry<String, List<PodId>> e : assigned.entrySet()) {
      Map<String, String> domain = new TreeMap<>(c.domain());
      domain.put(topologyKey, e.getKey());
      out.add(c.withPods(-1, e.getValue(), domain));
    }
    return out;
  }

  /** The first spread constraint over a node-level key; hostname spreads are caps, not quotas. */
  static TopologySpread nodeLevelSpread(Pod pod) {
    for (TopologySpread s : pod.topologySpread()) {
      if (!WellKnownLabels.HOSTNAME.equals(s.topologyKey())) {
        return s;
      }
    }
    return null;
  }

  private Map<String, Integer> boundCounts(Key key) {
    Map<String, Integer> tally = new HashMap<>();
    for (Pod p : boundPods) {
      Map<String, String> labels = nodeLabels.get(p.nodeName());
      if (labels != null
          && p.id().namespace().equals(key.namespace())
          && key.selector().matches(p.labels())
          && labels.containsKey(key.topologyKey())) {
        tally.merge(labels.get(key.topologyKey()), 1, Integer::sum);
      }
    }
    return tally;
  }

  /** Pods placed here also count for other classes' spreads over the same key. */
  private void recordElsewhere(PodClass c, Key own, Map<String, List<PodId>> assigned) {
    for (Map.Entry<Key, Map<String, Integer>> e : counts.entrySet()) {
      Key k = e.getKey();
      if (k.equals(own)
          || !k.topologyKey().equals(own.topologyKey())
          || !k.namespace().equals(c.template().id().namespace())
          || !k.selector().matches(c.template().labels())) {
        continue;
      }
      assigned.forEach((d, pods) -> e.getValue().merge(d, pods.size(), Integer::sum));
    }
  }
}
