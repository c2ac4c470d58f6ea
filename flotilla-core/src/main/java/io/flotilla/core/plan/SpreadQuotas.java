package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Topology spread over node-level domains (zones, capacity types, any label a node carries or a
 * pool can give it): each class with spreads is split into sub-classes pinned to domains, one
 * spread after the other when a pod has several. How many pods each domain gets is {@link
 * SkewSplit}'s cheapest split within maxSkew, counting the matching pods already there (bound pods
 * and earlier classes). Pods a selector matches that carry no spread of their own are spread evenly
 * first, so the constrained pods' quotas see where they are. Hostname spread is a per-node cap
 * instead (see {@link Colocation}).
 */
final class SpreadQuotas {
  /** The result: sub-classes pinned to domains, pods no domain may take, and the hard spreads. */
  record Result(List<PodClass> classes, Map<PodId, String> unschedulable, List<Spread> spreads) {}

  /** One hard spread as planned: the pods it counts and the domains it spans. */
  record Spread(
      TopologySpread constraint, String namespace, Set<String> domains, Set<PodId> constrained) {}

  private record Key(LabelSelector selector, String namespace, String topologyKey) {}

  /** Pods of one class assigned to one domain. */
  private record Share(String domain, List<PodId> pods) {}

  private static final int ESTIMATE_PODS = 16;

  private final Map<Key, Map<String, Integer>> counts = new HashMap<>();
  private final List<Pod> boundPods;
  private final Map<String, Map<String, String>> nodeLabels;
  private final DomainCatalog catalog;

  /** bound pods and the labels of the nodes they are on, by node name. */
  SpreadQuotas(
      List<Pod> boundPods, Map<String, Map<String, String>> nodeLabels, DomainCatalog catalog) {
    this.boundPods = boundPods;
    this.nodeLabels = nodeLabels;
    this.catalog = catalog;
  }

  /**
   * @param usable whether any node at all may take the class
   */
  Result apply(List<PodClass> classes, Predicate<PodClass> usable) {
    List<PodClass> out = new ArrayList<>();
    Map<PodId, String> failed = new LinkedHashMap<>();
    Map<List<Object>, Spread> spreads = new LinkedHashMap<>();
    List<Key> keys = new ArrayList<>();
    List<Key> hardKeys = new ArrayList<>();
    for (PodClass c : classes) {
      for (TopologySpread s : nodeLevelSpreads(c.template())) {
        Key k = new Key(s.selector(), c.template().id().namespace(), s.topologyKey());
        if (!keys.contains(k)) {
          keys.add(k);
        }
        if (s.hard() && !hardKeys.contains(k)) {
          hardKeys.add(k);
        }
      }
    }
    // Every spread's tally exists before any class is assigned, so each assignment is counted
    // by all the spreads whose selector matches it.
    keys.forEach(k -> counts.computeIfAbsent(k, this::boundCounts));
    for (PodClass c : classes) {
      // Only a hard spread needs to know where the pods it counts but does not bind will be.
      if (nodeLevelSpreads(c.template()).isEmpty()) {
        out.addAll(follow(c, hardKeys));
      }
    }
    for (PodClass c : classes) {
      List<TopologySpread> own = nodeLevelSpreads(c.template());
      if (own.isEmpty()) {
        continue;
      }
      List<PodClass> work = List.of(c);
      for (TopologySpread spread : own) {
        List<PodClass> next = new ArrayList<>();
        for (PodClass sub : work) {
          next.addAll(split(sub, spread, usable, failed, spreads));
        }
        work = next;
      }
      out.addAll(work);
    }
    return new Result(out, failed, List.copyOf(spreads.values()));
  }

  private List<PodClass> split(
      PodClass c,
      TopologySpread spread,
      Predicate<PodClass> usable,
      Map<PodId, String> failed,
      Map<List<Object>, Spread> spreads) {
    String topologyKey = spread.topologyKey();
    // The scheduler takes the minimum over the domains of the nodes the pod's required terms
    // admit, preferences, PreferNoSchedule taints and the planner's pins aside; a domain only a
    // relaxed class reaches gets its share with the preferences given up
    // (ClassPreparation.relaxPinned). Domains a pin from an earlier spread rules out take none of
    // these pods, but still bound the others: none may exceed their minimum by more than maxSkew.
    Set<String> eligible =
        catalog.spreadDomains(eligibility(c).withPods(c.id(), c.pods(), Map.of()), topologyKey);
    Set<String> domains = catalog.domains(eligibility(c), topologyKey);
    if (domains.isEmpty()) {
      if (usable.test(c)) {
        c.pods()
            .forEach(
                p ->
                    failed.put(
                        p,
                        "topology spread on "
                            + topologyKey
                            + ": no node the pod may use carries that label"));
        return List.of();
      }
      return List.of(c); // nowhere to go at all: the general explanation says why
    }
    Key key = new Key(spread.selector(), c.template().id().namespace(), topologyKey);
    Map<String, Integer> tally = counts.computeIfAbsent(key, this::boundCounts);
    boolean tooFewDomains = spread.minDomains() != null && eligible.size() < spread.minDomains();
    long ceiling = Long.MAX_VALUE;
    for (String d : eligible) {
      if (!domains.contains(d)) {
        ceiling = Math.min(ceiling, tally.getOrDefault(d, 0) + (long) spread.maxSkew());
      }
    }
    List<Share> shares =
        assign(c, topologyKey, domains, tally, spread.maxSkew(), tooFewDomains, ceiling);
    int placed = shares.stream().mapToInt(s -> s.pods().size()).sum();
    String reason =
        tooFewDomains
            ? "topology spread on "
                + topologyKey
                + ": only "
                + eligible.size()
                + " domains, minDomains "
                + spread.minDomains()
            : "topology spread on "
                + topologyKey
                + ": domains its other spreads keep it from hold too few matching pods (maxSkew "
                + spread.maxSkew()
                + ")";
    for (PodId p : c.pods().subList(placed, c.pods().size())) {
      failed.put(p, reason);
    }
    recordAll(c, key, shares);
    if (spread.hard()) {
      Spread planned =
          spreads.computeIfAbsent(
              List.of(c.template().id().namespace(), spread, c.pods().get(0)),
              k ->
                  new Spread(
                      spread,
                      c.template().id().namespace(),
                      new LinkedHashSet<>(),
                      new LinkedHashSet<>()));
      planned.domains().addAll(eligible);
      planned.constrained().addAll(c.pods());
    }
    return pinned(c, topologyKey, shares);
  }

  /** Splits the class's pods over the domains, cheapest split within maxSkew. */
  private List<Share> assign(
      PodClass c,
      String topologyKey,
      Set<String> domains,
      Map<String, Integer> tally,
      int maxSkew,
      boolean zeroMin,
      long ceiling) {
    int n = c.count();
    List<String> order = new ArrayList<>(domains);
    long[] before = new long[order.size()];
    for (int i = 0; i < before.length; i++) {
      before[i] = tally.getOrDefault(order.get(i), 0);
    }
    boolean costDriven = SkewSplit.costDriven(before, n, maxSkew);
    Map<String, double[]> curves = new HashMap<>();
    Map<String, Double> perPod = new HashMap<>();
    for (String d : order) {
      PodClass pinned = pin(c, topologyKey, d);
      int k = costDriven ? n : Math.min(n, ESTIMATE_PODS);
      double[] curve = catalog.costCurve(pinned, k);
      curves.put(d, curve);
      perPod.put(d, k == 0 ? 0 : curve[k] / k);
    }
    // Cheaper domains first: ties of the split go to them.
    order.sort(Comparator.comparingDouble((String d) -> perPod.get(d)));
    for (int i = 0; i < before.length; i++) {
      before[i] = tally.getOrDefault(order.get(i), 0);
    }
    double[][] cost = null;
    if (costDriven) {
      cost = new double[order.size()][];
      for (int i = 0; i < cost.length; i++) {
        cost[i] = curves.get(order.get(i));
      }
    }
    long[] added = SkewSplit.split(before, n, maxSkew, zeroMin, cost);
    if (ceiling != Long.MAX_VALUE) {
      capAt(before, added, ceiling);
    }
    List<Share> shares = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < added.length; i++) {
      if (added[i] > 0) {
        shares.add(new Share(order.get(i), c.pods().subList(next, next + (int) added[i])));
        next += (int) added[i];
      }
    }
    return shares;
  }

  /**
   * No domain ends above the ceiling; pods taken off go, one by one, to the domain with the fewest
   * that is still below it, which keeps the split within maxSkew.
   */
  private static void capAt(long[] before, long[] added, long ceiling) {
    long over = 0;
    for (int i = 0; i < added.length; i++) {
      long keep = Math.max(0, Math.min(added[i], ceiling - before[i]));
      over += added[i] - keep;
      added[i] = keep;
    }
    for (; over > 0; over--) {
      int best = -1;
      for (int i = 0; i < added.length; i++) {
        long now = before[i] + added[i];
        if (now < ceiling && (best < 0 || now < before[best] + added[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      added[best]++;
    }
  }

  /**
   * Spreads a class without a spread of its own evenly over the domains of spreads it counts in.
   */
  private List<PodClass> follow(PodClass c, List<Key> keys) {
    List<PodClass> work = List.of(c);
    for (Key key : keys) {
      if (!key.namespace().equals(c.template().id().namespace())
          || !key.selector().matches(c.template().labels())) {
        continue;
      }
      List<PodClass> next = new ArrayList<>();
      for (PodClass sub : work) {
        Set<String> domains = catalog.domains(sub, key.topologyKey());
        if (domains.isEmpty()) {
          next.add(sub);
          continue;
        }
        Map<String, Integer> tally = counts.computeIfAbsent(key, this::boundCounts);
        List<String> order = new ArrayList<>(domains);
        long[] before = new long[order.size()];
        for (int i = 0; i < before.length; i++) {
          before[i] = tally.getOrDefault(order.get(i), 0);
        }
        long[] added = SkewSplit.balanced(before, sub.count(), null);
        List<Share> shares = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < added.length; i++) {
          if (added[i] > 0) {
            shares.add(new Share(order.get(i), sub.pods().subList(from, from + (int) added[i])));
            from += (int) added[i];
          }
        }
        recordAll(sub, key, shares);
        next.addAll(pinned(sub, key.topologyKey(), shares));
      }
      work = next;
    }
    return work;
  }

  /** The class as the scheduler sees it when it counts domains: its required terms only. */
  private static PodClass eligibility(PodClass c) {
    return c.withTerms(ClassPreparation.requiredTerms(c)).withAvoidSoftTaints(false);
  }

  private static PodClass pin(PodClass c, String topologyKey, String domain) {
    Map<String, String> pins = new TreeMap<>(c.domain());
    pins.put(topologyKey, domain);
    return c.withPods(c.id(), c.pods(), pins);
  }

  /** One sub-class per domain, pinned to it. */
  private static List<PodClass> pinned(PodClass c, String topologyKey, List<Share> shares) {
    List<PodClass> out = new ArrayList<>();
    for (Share s : shares) {
      Map<String, String> domain = new TreeMap<>(c.domain());
      domain.put(topologyKey, s.domain());
      out.add(c.withPods(-1, s.pods(), domain));
    }
    return out;
  }

  /** The spread constraints over node-level keys; hostname spreads are caps, not quotas. */
  static List<TopologySpread> nodeLevelSpreads(Pod pod) {
    List<TopologySpread> out = new ArrayList<>();
    for (TopologySpread s : pod.topologySpread()) {
      if (!WellKnownLabels.HOSTNAME.equals(s.topologyKey())) {
        out.add(s);
      }
    }
    return out;
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

  /** Pods placed here count for every spread over the same key whose selector matches them. */
  private void recordAll(PodClass c, Key own, List<Share> shares) {
    counts.computeIfAbsent(own, this::boundCounts);
    for (Map.Entry<Key, Map<String, Integer>> e : counts.entrySet()) {
      Key k = e.getKey();
      if (!k.topologyKey().equals(own.topologyKey())
          || !k.namespace().equals(c.template().id().namespace())
          || !k.selector().matches(c.template().labels())) {
        continue;
      }
      shares.forEach(s -> e.getValue().merge(s.domain(), s.pods().size(), Integer::sum));
    }
  }
}
