package io.flotilla.sim.cluster;

import io.flotilla.core.node.Node;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.ports.cluster.Cluster;
import io.flotilla.ports.cluster.EvictionOutcome;
import io.flotilla.ports.cluster.NodeClaim;
import io.flotilla.sim.event.EventQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The API server and the workload controllers as the simulation has them: pods, nodes, NodeClaims
 * and budgets; the eviction API refuses what a PodDisruptionBudget does not allow; an evicted pod
 * terminates after its grace period; Deployments, StatefulSets and Jobs replace the pods they lose;
 * a Job's pods complete after their run time. Pods are indexed by workload, node and budget, so an
 * event costs what it touches, not a scan of every pod.
 */
public final class SimulatedCluster implements Cluster {
  private final EventQueue queue;
  private final Duration gracePeriod;
  private final ClusterListener listener;
  // In name order for pods() (the scheduler binds in that order); looked up by hash.
  private final Map<PodId, Entry> pods = new TreeMap<>();
  private final Map<PodId, Entry> byId = new HashMap<>();
  private final Set<PodId> terminating = new LinkedHashSet<>();
  private final Map<String, Node> nodes = new TreeMap<>();
  private final Map<String, NodeClaim> claims = new TreeMap<>();
  private final Map<OfferingKey, Integer> claimsByOffering = new LinkedHashMap<>();
  private final Map<String, Set<PodId>> podsOnNode = new HashMap<>();
  private final Map<String, Controller> workloads = new TreeMap<>();
  private final Map<String, Controller> byOwner = new HashMap<>();
  private final List<DaemonSet> daemonSets;
  private final BudgetIndex budgets;
  private final Set<Integer> violated = new LinkedHashSet<>();
  private int pending;
  private long sequence;
  private long version;
  // What the readers were last handed, kept until pods, nodes or claims change (a pass reads them
  // several times, and after every event that changed nothing they are read again).
  private List<Pod> podsSnapshot;
  private Set<PodId> terminatingSnapshot;
  private List<Node> nodesSnapshot;
  private List<NodeClaim> claimsSnapshot;

  public SimulatedCluster(
      EventQueue queue,
      Duration gracePeriod,
      List<DaemonSet> daemonSets,
      List<DisruptionBudget> budgets,
      ClusterListener listener) {
    this.queue = queue;
    this.gracePeriod = gracePeriod;
    this.daemonSets = List.copyOf(daemonSets);
    this.budgets = new BudgetIndex(budgets);
    this.listener = listener;
  }

  /** One pod and what the cluster keeps about it. */
  private static final class Entry {
    Pod pod;
    final Controller owner;
    final int[] budgets;
    final long sequence;
    Instant boundAt;
    boolean terminating;

    Entry(Pod pod, Controller owner, int[] budgets, long sequence) {
      this.pod = pod;
      this.owner = owner;
      this.budgets = budgets;
      this.sequence = sequence;
    }
  }

  /** A workload's controller: its spec and its pods. */
  private static final class Controller {
    Workload spec;
    final Set<PodId> pods = new TreeSet<>();
    int created;
    int succeeded;
    int running;
    int pending;

    Controller(Workload spec) {
      this.spec = spec;
    }
  }

  /** Adds a workload; its controller creates its pods, pending. */
  public void apply(Workload workload) {
    String key = key(workload.namespace(), workload.name());
    Controller c = workloads.get(key);
    if (c == null) {
      c = new Controller(workload);
      workloads.put(key, c);
    } else {
      c.spec = workload;
    }
    byOwner.put(ownerKey(workload.namespace(), workload.owner()), c);
    changed();
    reconcile(c);
  }

  /** Scales a workload (an HPA, a traffic change): new pods pending, surplus pods deleted. */
  public void scale(String namespace, String name, int replicas) {
    Controller c = workloads.get(key(namespace, name));
    if (c == null) {
      throw new IllegalArgumentException("no workload " + namespace + "/" + name);
    }
    if (c.spec.replicas() == replicas) {
      return;
    }
    c.spec = c.spec.withReplicas(replicas);
    changed();
    reconcile(c);
  }

  public List<Workload> workloads() {
    return workloads.values().stream().map(c -> c.spec).toList();
  }

  /** The workload whose pods carry {@code owner} ({@code Kind/name}) in the namespace. */
  public Optional<Workload> workloadOwning(String namespace, String owner) {
    Controller c = byOwner.get(ownerKey(namespace, owner));
    return c == null ? Optional.empty() : Optional.of(c.spec);
  }

  /** The workload's running and pending pods (terminating ones are neither). */
  public PodCounts podCounts(String namespace, String name) {
    Controller c = workloads.get(key(namespace, name));
    return c == null ? PodCounts.NONE : new PodCounts(c.running, c.pending);
  }

  /** How many of a Job's pods have completed. */
  public int completions(String namespace, String name) {
    Controller c = workloads.get(key(namespace, name));
    return c == null ? 0 : c.succeeded;
  }

  /** Pods not bound to a node and not terminating. */
  public int pendingPods() {
    return pending;
  }

  /** Pods bound to the node (terminating ones included). */
  public List<Pod> podsOn(String node) {
    Set<PodId> on = podsOnNode.get(node);
    if (on == null) {
      return List.of();
    }
    List<Pod> out = new ArrayList<>(on.size());
    on.forEach(id -> out.add(byId.get(id).pod));
    return out;
  }

  /** NodeClaims (joined or in flight) by offering. */
  public Map<OfferingKey, Integer> claimsByOffering() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(claimsByOffering));
  }

  /**
   * Goes up whenever pods, nodes or claims change: the scheduler and the control plane need not
   * look again while it stands still.
   */
  public long version() {
    return version;
  }

  @Override
  public List<Pod> pods() {
    if (podsSnapshot == null) {
      List<Pod> out = new ArrayList<>(pods.size());
      pods.values().forEach(e -> out.add(e.pod));
      // Immutable as List.copyOf makes them, so readers that copy it get it back as it is.
      podsSnapshot = List.copyOf(out);
    }
    return podsSnapshot;
  }

  @Override
  public Set<PodId> terminating() {
    if (terminatingSnapshot == null) {
      terminatingSnapshot = Set.copyOf(terminating);
    }
    return terminatingSnapshot;
  }

  @Override
  public List<Node> nodes() {
    if (nodesSnapshot == null) {
      nodesSnapshot = List.copyOf(nodes.values());
    }
    return nodesSnapshot;
  }

  /** The claim of that name, or null. */
  public NodeClaim nodeClaim(String name) {
    return claims.get(name);
  }

  @Override
  public List<NodeClaim> nodeClaims() {
    if (claimsSnapshot == null) {
      claimsSnapshot = List.copyOf(claims.values());
    }
    return claimsSnapshot;
  }

  @Override
  public List<DaemonSet> daemonSets() {
    return daemonSets;
  }

  @Override
  public List<DisruptionBudget> disruptionBudgets() {
    return budgets.budgets();
  }

  @Override
  public void createNodeClaim(NodeClaim claim) {
    NodeClaim before = claims.put(claim.name(), claim);
    if (before != null) {
      claimsByOffering.merge(before.offering(), -1, Integer::sum);
    }
    claimsByOffering.merge(claim.offering(), 1, Integer::sum);
    changed();
  }

  /** The claim's instance booted: its node joins with the claim's labels and the pool's taints. */
  public void register(String claimName, List<Taint> taints) {
    NodeClaim claim = claims.get(claimName);
    if (claim == null || nodes.containsKey(claimName)) {
      return;
    }
    Node node = claim.asNode(taints);
    nodes.put(claimName, node);
    changed();
    listener.nodeJoined(nodes.size(), queue.now());
    NodeFilter filter = NodeFilter.of(node);
    for (DaemonSet ds : daemonSets) {
      Pod pod =
          ds.template()
              .withId(new PodId(ds.namespace(), ds.name() + "-" + claimName))
              .withNodeName(claimName);
      if (filter.whyNot(pod) == null) {
        Entry e = new Entry(pod, null, budgets.covering(pod), ++sequence);
        e.boundAt = queue.now();
        // The node's pods join after the listener heard of the node.
        dropSnapshots();
        pods.put(pod.id(), e);
        byId.put(pod.id(), e);
        podsOnNode.computeIfAbsent(claimName, n -> new TreeSet<>()).add(pod.id());
        budgets.put(e.budgets, pod);
        budgets.healthy(e.budgets, 1);
      }
    }
  }

  @Override
  public void cordon(String node) {
    Node n = nodes.get(node);
    if (n != null && !n.unschedulable()) {
      nodes.put(
          node, new Node(n.name(), n.labels(), n.taints(), n.capacity(), n.allocatable(), true));
      changed();
      listener.nodeCordoned(node, queue.now());
    }
  }

  /** Binds a pending pod (the scheduler's call). */
  public void bind(PodId id, String node) {
    Entry e = byId.get(id);
    if (e == null || e.pod.bound() || !nodes.containsKey(node)) {
      throw new IllegalStateException("cannot bind " + id + " to " + node);
    }
    count(e, -1);
    e.pod = e.pod.withNodeName(node);
    e.boundAt = queue.now();
    count(e, +1);
    podsOnNode.computeIfAbsent(node, n -> new TreeSet<>()).add(id);
    budgets.put(e.budgets, e.pod);
    if (!e.terminating) {
      budgets.healthy(e.budgets, 1);
    }
    changed();
    listener.podBound(e.pod, queue.now());
    violated.removeIf(b -> !budgets.violated(b));
    Workload spec = e.owner == null ? null : e.owner.spec;
    if (spec != null && spec.kind() == Workload.Kind.JOB && spec.runFor() != null) {
      long seq = e.sequence;
      queue.after(spec.runFor(), () -> complete(id, seq));
    }
  }

  @Override
  public EvictionOutcome evict(PodId id) {
    Entry e = byId.get(id);
    if (e == null) {
      return EvictionOutcome.NOT_FOUND;
    }
    if (e.terminating) {
      return EvictionOutcome.EVICTED;
    }
    for (int b : e.budgets) {
      if (budgets.disruptionsAllowed(b) == 0) {
        return EvictionOutcome.BLOCKED_BY_BUDGET;
      }
    }
    count(e, -1);
    e.terminating = true;
    terminating.add(id);
    changed();
    if (e.pod.bound()) {
      budgets.healthy(e.budgets, -1);
      listener.podTerminating(e.pod, queue.now());
    }
    // A ReplicaSet stops counting a terminating pod, and so does a Job (podReplacementPolicy
    // TerminatingOrFailed, the default): both replace it at once.
    if (e.owner != null && e.owner.spec.kind() != Workload.Kind.STATEFUL_SET) {
      reconcile(e.owner);
    }
    long seq = e.sequence;
    queue.after(gracePeriod, () -> removeIfSame(id, seq, PodEnd.EVICTED));
    return EvictionOutcome.EVICTED;
  }

  @Override
  public void deleteNode(String node) {
    nodes.remove(node);
    NodeClaim claim = claims.remove(node);
    if (claim != null) {
      claimsByOffering.merge(claim.offering(), -1, Integer::sum);
    }
    changed();
    Set<PodId> on = podsOnNode.remove(node);
    if (on == null) {
      return;
    }
    for (PodId id : List.copyOf(on)) {
      Entry e = byId.get(id);
      if (e != null) {
        remove(id, e.terminating ? PodEnd.EVICTED : PodEnd.LOST_WITH_NODE);
      }
    }
  }

  /**
   * A Job's pod ran its time: it completes unless it was replaced or is being evicted meanwhile.
   */
  private void complete(PodId id, long seq) {
    Entry e = byId.get(id);
    if (e != null && e.sequence == seq && e.pod.bound() && !e.terminating) {
      remove(id, PodEnd.COMPLETED);
    }
  }

  private void removeIfSame(PodId id, long seq, PodEnd why) {
    Entry e = byId.get(id);
    if (e != null && e.sequence == seq) {
      remove(id, why);
    }
  }

  private void remove(PodId id, PodEnd why) {
    Entry e = byId.remove(id);
    if (e == null) {
      return;
    }
    pods.remove(id);
    count(e, -1);
    terminating.remove(id);
    if (e.pod.bound()) {
      Set<PodId> on = podsOnNode.get(e.pod.nodeName());
      if (on != null) {
        on.remove(id);
      }
      if (!e.terminating) {
        budgets.healthy(e.budgets, -1);
      }
    }
    budgets.remove(e.budgets, id);
    changed();
    listener.podEnded(e.pod, why, queue.now());
    // Only a disruption can violate a budget: a scale-down or a completion is not one.
    if (why == PodEnd.EVICTED || why == PodEnd.LOST_WITH_NODE) {
      for (int b : e.budgets) {
        if (budgets.violated(b) && violated.add(b)) {
          listener.budgetViolated(budgets.name(b), queue.now());
        }
      }
    }
    Controller c = e.owner;
    if (c == null) {
      return;
    }
    c.pods.remove(id);
    if (why == PodEnd.COMPLETED) {
      c.succeeded++;
    }
    if (why != PodEnd.DELETED) {
      reconcile(c);
    }
  }

  /**
   * Creates or deletes pods until the workload has what it wants (terminating ones not counted).
   */
  private void reconcile(Controller c) {
    Workload w = c.spec;
    int want =
        w.kind() == Workload.Kind.JOB
            ? Math.min(w.replicas(), Math.max(0, w.completions() - c.succeeded))
            : w.replicas();
    List<Entry> live = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (PodId id : c.pods) {
      Entry e = byId.get(id);
      names.add(id.name());
      if (!e.terminating) {
        live.add(e);
      }
    }
    if (live.size() > want) {
      live.sort(deletionOrder(w.kind()));
      for (Entry e : live.subList(0, live.size() - want)) {
        remove(e.pod.id(), PodEnd.DELETED);
      }
      return;
    }
    for (int ordinal = 0, missing = want - live.size(); missing > 0; ordinal++) {
      String name;
      if (w.kind() == Workload.Kind.STATEFUL_SET) {
        name = w.name() + "-" + ordinal;
        if (names.contains(name)) {
          continue;
        }
      } else {
        name = w.name() + "-" + ++c.created;
      }
      create(c, new PodId(w.namespace(), name));
      names.add(name);
      missing--;
    }
  }

  private void create(Controller c, PodId id) {
    Pod pod = c.spec.template().withId(id).withNodeName(null);
    Entry e = new Entry(pod, c, budgets.covering(pod), ++sequence);
    pods.put(id, e);
    byId.put(id, e);
    c.pods.add(id);
    budgets.put(e.budgets, pod);
    count(e, +1);
    changed();
    listener.podCreated(pod, queue.now());
  }

  /**
   * Which surplus pods a scale-down deletes first. A StatefulSet: the highest ordinal. Otherwise as
   * a ReplicaSet ranks them: unscheduled before scheduled, then the most recently started, then the
   * newest.
   */
  private static Comparator<Entry> deletionOrder(Workload.Kind kind) {
    if (kind == Workload.Kind.STATEFUL_SET) {
      return Comparator.comparingInt((Entry e) -> ordinal(e.pod.id().name())).reversed();
    }
    return Comparator.comparing((Entry e) -> e.pod.bound())
        .thenComparing(
            (Entry e) -> e.boundAt == null ? Instant.MAX : e.boundAt, Comparator.reverseOrder())
        .thenComparing(Comparator.comparingLong((Entry e) -> e.sequence).reversed());
  }

  private static int ordinal(String name) {
    int dash = name.lastIndexOf('-');
    try {
      return Integer.parseInt(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Adds or takes away the pod from its workload's running or pending count and the total. */
  private void count(Entry e, int delta) {
    if (e.terminating) {
      return;
    }
    if (e.pod.bound()) {
      if (e.owner != null) {
        e.owner.running += delta;
      }
    } else {
      pending += delta;
      if (e.owner != null) {
        e.owner.pending += delta;
      }
    }
  }

  /** Pods, nodes or claims changed (called before or right after each change, never later). */
  private void changed() {
    version++;
    dropSnapshots();
  }

  private void dropSnapshots() {
    podsSnapshot = null;
    terminatingSnapshot = null;
    nodesSnapshot = null;
    claimsSnapshot = null;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static String ownerKey(String namespace, String owner) {
    return namespace + " " + owner;
  }
}
