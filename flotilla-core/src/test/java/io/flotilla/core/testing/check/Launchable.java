package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.check.Cluster.NodeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The nodes each pool could still launch, as Karpenter would label them: one per offering the
 * pool's node class and requirements admit (and, for a custom key the pool's requirements leave
 * open with an In list, one per listed value), with its allocatable after DaemonSets; and how much
 * of each pool's limits the plan leaves.
 */
public final class Launchable {
  /** A node a pool could launch: instance type, offering and labels, room after DaemonSets. */
  public record Candidate(
      NodePool pool,
      InstanceType type,
      Offering offering,
      Map<String, String> labels,
      Map<String, Long> free,
      Map<String, Long> capacity) {
    public String label(String key) {
      return labels.get(key);
    }

    boolean exotic() {
      return Exotic.isExotic(type);
    }
  }

  private final Cluster cluster;
  private final Map<NodePool, List<Candidate>> byPool = new IdentityHashMap<>();
  private final Map<NodePool, Map<String, Long>> usedCapacity = new IdentityHashMap<>();
  private final Map<NodePool, Integer> nodeCount = new IdentityHashMap<>();
  private final Map<List<Object>, List<Candidate>> admitted = new HashMap<>();

  public Launchable(Cluster cluster) {
    this.cluster = cluster;
    for (NodePool pool : cluster.pools.values()) {
      usedCapacity.put(pool, new TreeMap<>());
      nodeCount.put(pool, 0);
    }
    for (NodeView n : cluster.nodes) {
      cluster
          .poolOf(n)
          .filter(usedCapacity::containsKey)
          .ifPresent(
              pool -> {
                n.capacity.forEach((k, v) -> usedCapacity.get(pool).merge(k, v, Long::sum));
                nodeCount.merge(pool, 1, Integer::sum);
              });
    }
  }

  /** Every node the pool could launch, whatever the pods. */
  public List<Candidate> candidates(NodePool pool) {
    return byPool.computeIfAbsent(pool, this::enumerate);
  }

  /** The pool's candidates the pod may run on: pool taints, node affinity, architecture. */
  public List<Candidate> admitting(NodePool pool, Pod p) {
    List<Object> key =
        List.of(pool.name(), p.nodeAffinity(), p.tolerations(), cluster.architectures(p));
    return admitted.computeIfAbsent(
        key,
        k ->
            candidates(pool).stream()
                .filter(c -> cluster.refusal(p, c.labels::get, pool.taints()).isEmpty())
                .toList());
  }

  /** Does the candidate hold these pods (requests and a pod slot each) after its DaemonSets? */
  public static boolean holds(Candidate c, List<Pod> pods) {
    Map<String, Long> used = new TreeMap<>();
    pods.forEach(p -> Cluster.addPod(used, p));
    return Cluster.excess(used, c.free).isEmpty();
  }

  /** Could the pool still launch a node of this type within its limits and maxNodes? */
  public boolean withinBudget(NodePool pool, Map<String, Long> capacity) {
    if (pool.maxNodes() != null && nodeCount.get(pool) + 1 > pool.maxNodes()) {
      return false;
    }
    for (Map.Entry<String, Long> limit : pool.limits().asMap().entrySet()) {
      long used = usedCapacity.get(pool).getOrDefault(limit.getKey(), 0L);
      if (used + capacity.getOrDefault(limit.getKey(), 0L) > limit.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** Capacity of the pool's existing and new nodes, per resource. */
  public Map<String, Long> usedCapacity(NodePool pool) {
    return usedCapacity.get(pool);
  }

  public int nodeCount(NodePool pool) {
    return nodeCount.get(pool);
  }

  /** The pool's requirements that carry a minValues floor. */
  public static List<Requirement> floors(NodePool pool) {
    return pool.requirements().list().stream().filter(r -> r.minValues() != null).toList();
  }

  /**
   * Under the Strict policy, the first floor the candidates satisfying {@code which} miss: the
   * distinct values of the floor's key among them, or null when every floor holds.
   */
  public static String missedFloor(List<Requirement> floors, List<Candidate> which) {
    for (Requirement floor : floors) {
      Set<String> values = new TreeSet<>();
      which.forEach(
          c -> {
            String v = c.label(floor.key());
            if (v != null) {
              values.add(v);
            }
          });
      if (values.size() < floor.minValues()) {
        return floor.key() + " minValues " + floor.minValues() + " but only " + values;
      }
    }
    return null;
  }

  /**
   * Could the pool launch a node for this pod alone now: a candidate that admits and holds it,
   * within the pool's remaining limits, whose fellow candidates keep the pool's minValues (when the
   * Strict policy applies)? Returns such a candidate, or null.
   */
  public Candidate forPod(NodePool pool, Pod p, boolean strictMinValues) {
    List<Candidate> ok =
        admitting(pool, p).stream()
            .filter(c -> holds(c, List.of(p)))
            .filter(c -> withinBudget(pool, c.capacity))
            .toList();
    if (ok.isEmpty()) {
      return null;
    }
    if (strictMinValues && missedFloor(floors(pool), ok) != null) {
      return null;
    }
    return ok.get(0);
  }

  private List<Candidate> enumerate(NodePool pool) {
    List<Candidate> out = new ArrayList<>();
    Map<String, List<String>> open = openKeys(pool);
    for (InstanceType type : cluster.request.catalog().types()) {
      Map<String, String> typeLabels = KarpenterLabels.ofType(type);
      Map<String, Long> allocatable =
          KarpenterAllocatable.allocatable(type, pool.kubelet(), pool.nodeClass());
      Map<String, Long> capacity =
          KarpenterAllocatable.capacity(type, pool.kubelet(), pool.nodeClass());
      for (Offering o : cluster.request.catalog().offerings(type.name())) {
        List<String> subnets = pool.nodeClass().subnetZones();
        if (!subnets.isEmpty() && !subnets.contains(o.zone())) {
          continue;
        }
        Map<String, String> base = baseLabels(pool, typeLabels, o);
        for (Map<String, String> labels : expand(base, open)) {
          if (poolAllows(pool, labels)) {
            out.add(
                new Candidate(pool, type, o, labels, free(pool, labels, allocatable), capacity));
          }
        }
      }
    }
    return out;
  }

  private Map<String, String> baseLabels(
      NodePool pool, Map<String, String> typeLabels, Offering o) {
    Map<String, String> l = new HashMap<>(typeLabels);
    l.put(KarpenterLabels.ZONE, o.zone());
    l.put(KarpenterLabels.CAPACITY_TYPE, o.capacityType().label());
    if (cluster.request.catalog().region() != null) {
      l.put(KarpenterLabels.REGION, cluster.request.catalog().region());
    }
    String ami = pool.nodeClass().amiFamily();
    l.put(
        KarpenterLabels.OS,
        ami != null && ami.toLowerCase().startsWith("windows") ? "windows" : "linux");
    l.put(KarpenterLabels.poolKey(pool), pool.name());
    pool.labels().forEach(l::putIfAbsent);
    // A requirement with a single value becomes the node's label, as Karpenter does.
    for (Requirement r : pool.requirements().list()) {
      if (r.operator() == Operator.IN && r.values().size() == 1) {
        l.putIfAbsent(r.key(), r.values().iterator().next());
      }
    }
    return l;
  }

  /** Custom keys the pool's In requirements list several values for and no label decides. */
  private static Map<String, List<String>> openKeys(NodePool pool) {
    Map<String, Set<String>> values = new LinkedHashMap<>();
    for (Requirement r : pool.requirements().list()) {
      if (r.operator() == Operator.IN
          && !KarpenterLabels.cloudDecided(r.key())
          && !pool.labels().containsKey(r.key())) {
        values.merge(
            r.key(),
            new TreeSet<>(r.values()),
            (a, b) -> {
              a.retainAll(b);
              return a;
            });
      }
    }
    Map<String, List<String>> open = new LinkedHashMap<>();
    values.forEach((k, v) -> open.put(k, List.copyOf(v)));
    return open;
  }

  /** One label map per combination of values of the open keys. */
  private static List<Map<String, String>> expand(
      Map<String, String> base, Map<String, List<String>> open) {
    List<Map<String, String>> out = List.of(base);
    for (Map.Entry<String, List<String>> e : open.entrySet()) {
      if (base.containsKey(e.getKey())) {
        continue;
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> m : out) {
        for (String v : e.getValue()) {
          Map<String, String> copy = new HashMap<>(m);
          copy.put(e.getKey(), v);
          next.add(copy);
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * The pool's requirements hold on the labels; a requirement on a custom key the labels leave open
   * (no In list to choose from) is not decided yet and so not held against the node.
   */
  static boolean poolAllows(NodePool pool, Map<String, String> labels) {
    for (Requirement r : pool.requirements().list()) {
      String value = labels.get(r.key());
      if (value == null && !KarpenterLabels.cloudDecided(r.key())) {
        continue;
      }
      if (!Selectors.holds(r, value)) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Long> free(
      NodePool pool, Map<String, String> labels, Map<String, Long> allocatable) {
    Map<String, Long> overhead = new TreeMap<>();
    for (DaemonSet ds : cluster.request.daemonSets()) {
      if (cluster.runs(ds, labels::get, pool.taints())) {
        Cluster.addPod(overhead, ds.template());
      }
    }
    return Cluster.room(allocatable, overhead);
  }
}
