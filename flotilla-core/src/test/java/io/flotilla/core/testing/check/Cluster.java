package io.flotilla.core.testing.check;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Taint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The cluster as it stands when the plan has been carried out: every existing node with the pods
 * bound to it and the pods the plan adds, and every new node with its pods. Labels, taints and
 * allocatable come from the request (existing nodes) or are derived again from the pool and the
 * instance type (new nodes); nothing is taken from the planner's own bookkeeping but the plan's
 * decisions and the labels it gives new nodes.
 */
public final class Cluster {
  /** One node after the plan: what it carries and what it offers. */
  public static final class NodeView {
    final String name;
    final boolean existing;
    final NodePool pool;
    final InstanceType type;
    final Map<String, String> labels;
    final List<Taint> taints;
    final Map<String, Long> allocatable;
    final Map<String, Long> capacity;
    final boolean cordoned;
    final List<Pod> bound = new ArrayList<>();
    final List<Pod> planned = new ArrayList<>();

    /** The plan's entry for a new node (null for existing nodes). */
    final PlannedNode planNode;

    NodeView(
        String name,
        boolean existing,
        NodePool pool,
        InstanceType type,
        Map<String, String> labels,
        List<Taint> taints,
        Map<String, Long> allocatable,
        Map<String, Long> capacity,
        boolean cordoned,
        PlannedNode planNode) {
      this.name = name;
      this.existing = existing;
      this.pool = pool;
      this.type = type;
      Map<String, String> all = new TreeMap<>(labels);
      // The kubelet always sets the hostname label; a node without one is its own domain.
      all.putIfAbsent(KarpenterLabels.HOSTNAME, name);
      this.labels = all;
      this.taints = taints;
      this.allocatable = allocatable;
      this.capacity = capacity;
      this.cordoned = cordoned;
      this.planNode = planNode;
    }

    public String name() {
      return name;
    }

    public String label(String key) {
      return labels.get(key);
    }

    List<Pod> pods() {
      List<Pod> all = new ArrayList<>(bound);
      all.addAll(planned);
      return all;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  final PlanRequest request;
  final Plan plan;
  final Map<PodId, Pod> pods = new LinkedHashMap<>();
  final Map<String, NodePool> pools = new LinkedHashMap<>();
  final List<NodeView> nodes = new ArrayList<>();
  final Map<PodId, NodeView> location = new HashMap<>();

  /** Problems found while reading the plan (unknown pools, types or existing nodes). */
  final List<String> unreadable = new ArrayList<>();

  private final Map<NodeView, Map<String, Long>> usedByNode = new HashMap<>();

  public Cluster(PlanRequest request, Plan plan) {
    this.request = request;
    this.plan = plan;
    request.pods().forEach(p -> pods.put(p.id(), p));
    request.pools().forEach(p -> pools.put(p.name(), p));
    Map<String, NodeView> existing = new LinkedHashMap<>();
    for (Node n : request.nodes()) {
      NodeView v =
          new NodeView(
              n.name(),
              true,
              null,
              n.labels().get(KarpenterLabels.INSTANCE_TYPE) == null
                  ? null
                  : request
                      .catalog()
                      .type(n.labels().get(KarpenterLabels.INSTANCE_TYPE))
                      .orElse(null),
              n.labels(),
              n.taints(),
              n.allocatable().asMap(),
              n.capacity().asMap(),
              n.unschedulable(),
              null);
      existing.put(n.name(), v);
      nodes.add(v);
    }
    for (Pod p : request.pods()) {
      if (p.bound() && existing.containsKey(p.nodeName())) {
        existing.get(p.nodeName()).bound.add(p);
        location.put(p.id(), existing.get(p.nodeName()));
      }
    }
    for (PlannedNode n : plan.nodes()) {
      NodeView v;
      if (n.existing()) {
        v = existing.get(n.name());
        if (v == null) {
          unreadable.add("plan puts pods on " + n.name() + ", which is not an existing node");
          continue;
        }
      } else {
        v = newNode(n);
        nodes.add(v);
      }
      for (PodId id : n.pods()) {
        Pod p = pods.get(id);
        if (p != null && !p.bound() && !location.containsKey(id)) {
          v.planned.add(p);
          location.put(id, v);
        }
      }
    }
  }

  private NodeView newNode(PlannedNode n) {
    NodePool pool = pools.get(n.nodePool());
    InstanceType type = request.catalog().type(n.instanceType()).orElse(null);
    if (pool == null) {
      unreadable.add(n.name() + " comes from unknown pool " + n.nodePool());
    }
    if (type == null) {
      unreadable.add(n.name() + " is of unknown instance type " + n.instanceType());
    }
    boolean known = pool != null && type != null;
    return new NodeView(
        n.name(),
        false,
        pool,
        type,
        n.labels(),
        pool == null ? List.of() : pool.taints(),
        known ? KarpenterAllocatable.allocatable(type, pool.kubelet(), pool.nodeClass()) : Map.of(),
        known ? KarpenterAllocatable.capacity(type, pool.kubelet(), pool.nodeClass()) : Map.of(),
        false,
        n);
  }

  public List<NodeView> nodes() {
    return nodes;
  }

  public List<NodeView> newNodes() {
    return nodes.stream().filter(n -> !n.existing).toList();
  }

  public Optional<NodeView> nodeOf(PodId pod) {
    return Optional.ofNullable(location.get(pod));
  }

  /** Pending pods the plan placed, in request order. */
  public List<Pod> placed() {
    return request.pendingPods().stream().filter(p -> location.containsKey(p.id())).toList();
  }

  /** Pods on nodes: bound ones and placed ones. */
  public List<Pod> located() {
    return request.pods().stream().filter(p -> location.containsKey(p.id())).toList();
  }

  /**
   * The architectures a pod's images run on; a pod whose images are unknown is kept on amd64 when
   * the user asked for that.
   */
  public Set<String> architectures(Pod p) {
    boolean unknown = p.architectures().isEmpty() && !p.unresolvedImages().isEmpty();
    if (unknown
        && request.options().unknownArchitecture() == PlanOptions.UnknownArchitecture.AMD64) {
      return Set.of("amd64");
    }
    return p.architectures();
  }

  /** Why the pod may not run on a node with these labels and taints, or empty when it may. */
  public Optional<String> refusal(Pod p, Function<String, String> labels, List<Taint> taints) {
    if (!Selectors.requiredHolds(p.nodeAffinity(), labels)) {
      return Optional.of("required node affinity " + p.nodeAffinity().requiredTerms());
    }
    Optional<Taint> taint = TaintRules.firstHardUntolerated(p.tolerations(), taints);
    if (taint.isPresent()) {
      return Optional.of("untolerated taint " + taint.get());
    }
    Set<String> archs = architectures(p);
    String arch = labels.apply(KarpenterLabels.ARCH);
    if (!archs.isEmpty() && !archs.contains(arch)) {
      return Optional.of("images for " + archs + " on " + arch);
    }
    return Optional.empty();
  }

  public Optional<String> refusal(Pod p, NodeView n) {
    return refusal(p, n.labels::get, n.taints);
  }

  /** Does the DaemonSet run a pod on a node with these labels and taints? */
  public boolean runs(DaemonSet ds, Function<String, String> labels, List<Taint> taints) {
    Pod t = ds.template();
    return Selectors.requiredHolds(t.nodeAffinity(), labels)
        && TaintRules.firstHardUntolerated(t.tolerations(), taints).isEmpty()
        && (t.architectures().isEmpty()
            || t.architectures().contains(labels.apply(KarpenterLabels.ARCH)));
  }

  /**
   * The DaemonSets that run a pod on the node and whose pod is not already bound there (a bound
   * DaemonSet pod is counted as a bound pod).
   */
  public List<DaemonSet> daemonsOn(NodeView n) {
    List<DaemonSet> out = new ArrayList<>();
    for (DaemonSet ds : request.daemonSets()) {
      boolean present =
          n.bound.stream()
              .anyMatch(
                  p ->
                      ("DaemonSet/" + ds.name()).equals(p.owner())
                          && p.id().namespace().equals(ds.namespace()));
      if (!present && runs(ds, n.labels::get, n.taints)) {
        out.add(ds);
      }
    }
    return out;
  }

  /** What the node's DaemonSets take, a pod slot each. */
  public Map<String, Long> daemonOverhead(NodeView n) {
    Map<String, Long> total = new TreeMap<>();
    daemonsOn(n).forEach(ds -> addPod(total, ds.template()));
    return total;
  }

  /** DaemonSet overhead, bound pods and planned pods. */
  public Map<String, Long> used(NodeView n) {
    Map<String, Long> total =
        usedByNode.computeIfAbsent(
            n,
            k -> {
              Map<String, Long> sum = daemonOverhead(k);
              k.pods().forEach(p -> addPod(sum, p));
              return sum;
            });
    return new TreeMap<>(total);
  }

  /** Adds a pod's requests and its pod slot. */
  static void addPod(Map<String, Long> total, Pod p) {
    p.requests().asMap().forEach((k, v) -> total.merge(k, v, Long::sum));
    total.merge("pods", 1L, Long::sum);
  }

  /** The resources in {@code used} that exceed {@code available} (absent: zero). */
  static Map<String, Long> excess(Map<String, Long> used, Map<String, Long> available) {
    Map<String, Long> over = new TreeMap<>();
    used.forEach(
        (k, v) -> {
          long room = available.getOrDefault(k, 0L);
          if (v > room) {
            over.put(k, v - room);
          }
        });
    return over;
  }

  /** Room left: available minus used, per resource of available. */
  static Map<String, Long> room(Map<String, Long> available, Map<String, Long> used) {
    Map<String, Long> left = new TreeMap<>(available);
    used.forEach((k, v) -> left.merge(k, -v, Long::sum));
    return left;
  }

  /** The pool an existing node belongs to, by the labels that name pools and node groups. */
  public Optional<NodePool> poolOf(NodeView n) {
    if (!n.existing) {
      return Optional.ofNullable(n.pool);
    }
    for (String key : KarpenterLabels.POOL_KEYS) {
      String name = n.labels.get(key);
      if (name != null && pools.containsKey(name)) {
        return Optional.of(pools.get(name));
      }
    }
    return Optional.empty();
  }

  public PlanRequest request() {
    return request;
  }

  public Plan plan() {
    return plan;
  }

  public Pod pod(PodId id) {
    return pods.get(id);
  }
}
