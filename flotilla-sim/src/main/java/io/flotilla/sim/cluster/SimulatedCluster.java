package io.flotilla.sim.cluster;

import io.flotilla.core.node.Node;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
  private final PodTable pods = new PodTable();
  private final NodeStore nodes = new NodeStore();
  private final WorkloadRegistry workloads = new WorkloadRegistry();
  private final List<DaemonSet> daemonSets;
  private final BudgetIndex budgets;
  private int pending;
  private long sequence;
  private long version;

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

  /** Adds a workload; its controller creates its pods, pending. */
  public void apply(Workload workload) {
    WorkloadController c = workloads.apply(workload);
    changed();
    reconcile(c);
  }

  /** Scales a workload (an HPA, a traffic change): new pods pending, surplus pods deleted. */
  public void scale(String namespace, String name, int replicas) {
    WorkloadController c = workloads.get(namespace, name);
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
    return workloads.all().stream().map(c -> c.spec).toList();
  }

  /** The workload whose pods carry {@code owner} ({@code Kind/name}) in the namespace. */
  public Optional<Workload> workloadOwning(String namespace, String owner) {
    WorkloadController c = workloads.owning(namespace, owner);
    return c == null ? Optional.empty() : Optional.of(c.spec);
  }

  /** The workload's running and pending pods (terminating ones are neither). */
  public PodCounts podCounts(String namespace, String name) {
    WorkloadController c = workloads.get(namespace, name);
    return c == null ? PodCounts.NONE : new PodCounts(c.running, c.pending);
  }

  /** How many of a Job's pods have completed. */
  public int completions(String namespace, String name) {
    WorkloadController c = workloads.get(namespace, name);
    return c == null ? 0 : c.succeeded;
  }

  /** Pods not bound to a node and not terminating. */
  public int pendingPods() {
    return pending;
  }

  @Override
  public Pod pod(PodId id) {
    PodEntry e = pods.get(id);
    return e == null ? null : e.pod;
  }

  /** Pods bound to the node (terminating ones included), in name order. */
  @Override
  public List<Pod> podsOn(String node) {
    return pods.on(node);
  }

  /** NodeClaims (joined or in flight) by offering. */
  public Map<OfferingKey, Integer> claimsByOffering() {
    return nodes.claimsByOffering();
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
    return pods.pods();
  }

  @Override
  public Set<PodId> terminating() {
    return pods.terminating();
  }

  @Override
  public List<Node> nodes() {
    return nodes.nodes();
  }

  /** The claim of that name, or null. */
  public NodeClaim nodeClaim(String name) {
    return nodes.claim(name);
  }

  @Override
  public List<NodeClaim> nodeClaims() {
    return nodes.claims();
  }

  @Override
  public List<DaemonSet> daemonSets() {
    return daemonSets;
  }

  @Override
  public List<DisruptionBudget> disruptionBudgets() {
    return budgets.budgets();
  }

  /** Kept up to date as pods come and go, as the disruption controller keeps PDB status. */
  @Override
  public int[] disruptionsAllowed() {
    return budgets.disruptionsAllowed();
  }

  @Override
  public void createNodeClaim(NodeClaim claim) {
    nodes.addClaim(claim);
    changed();
  }

  /** The claim's instance booted: its node joins with the claim's labels and the pool's taints. */
  public void register(String claimName, List<Taint> taints) {
    Node node = nodes.join(claimName, taints);
    if (node != null) {
      joined(node);
    }
  }

  /**
   * A node that runs already (from a cluster dump) and its claim: it joins at once with its own
   * labels, taints and room, and its DaemonSets' pods with it.
   */
  public void adopt(NodeClaim claim, Node node) {
    if (!claim.name().equals(node.name()) || nodes.claim(claim.name()) != null) {
      throw new IllegalArgumentException("cannot adopt node " + node.name());
    }
    joined(nodes.adopt(claim, node));
  }

  private void joined(Node node) {
    String claimName = node.name();
    changed();
    listener.nodeJoined(nodes.joinedCount(), queue.now());
    for (Pod pod : DaemonPods.on(daemonSets, node)) {
      PodEntry e = new PodEntry(pod, null, budgets.covering(pod), ++sequence);
      e.boundAt = queue.now();
      // The node's pods join after the listener heard of the node.
      pods.dropSnapshots();
      pods.add(e);
      pods.bound(pod.id(), claimName);
      budgets.put(e.budgets, pod);
      budgets.healthy(e.budgets, 1);
    }
  }

  @Override
  public void cordon(String node) {
    if (nodes.cordon(node)) {
      changed();
      listener.nodeCordoned(node, queue.now());
    }
  }

  /** Whether the node has joined (and not gone). */
  public boolean hasNode(String node) {
    return nodes.joined(node);
  }

  /** Binds a pending pod (the scheduler's call). */
  public void bind(PodId id, String node) {
    PodEntry e = pods.get(id);
    if (e == null || e.pod.bound() || !nodes.joined(node)) {
      throw new IllegalStateException("cannot bind " + id + " to " + node);
    }
    count(e, -1);
    e.pod = e.pod.withNodeName(node);
    e.boundAt = queue.now();
    count(e, +1);
    pods.bound(id, node);
    budgets.put(e.budgets, e.pod);
    if (!e.terminating) {
      budgets.healthy(e.budgets, 1);
    }
    changed();
    listener.podBound(e.pod, queue.now());
    budgets.recovered();
    Workload spec = e.owner == null ? null : e.owner.spec;
    if (spec != null && spec.kind() == Workload.Kind.JOB && spec.runFor() != null) {
      long seq = e.sequence;
      queue.after(spec.runFor(), () -> complete(id, seq));
    }
  }

  @Override
  public EvictionOutcome evict(PodId id) {
    PodEntry e = pods.get(id);
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
    pods.terminating(id);
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
    changed();
    Set<PodId> on = pods.removeNode(node);
    if (on == null) {
      return;
    }
    for (PodId id : List.copyOf(on)) {
      PodEntry e = pods.get(id);
      if (e != null) {
        remove(id, e.terminating ? PodEnd.EVICTED : PodEnd.LOST_WITH_NODE);
      }
    }
  }

  /**
   * A Job's pod ran its time: it completes unless it was replaced or is being evicted meanwhile.
   */
  private void complete(PodId id, long seq) {
    PodEntry e = pods.get(id);
    if (e != null && e.sequence == seq && e.pod.bound() && !e.terminating) {
      remove(id, PodEnd.COMPLETED);
    }
  }

  private void removeIfSame(PodId id, long seq, PodEnd why) {
    PodEntry e = pods.get(id);
    if (e != null && e.sequence == seq) {
      remove(id, why);
    }
  }

  private void remove(PodId id, PodEnd why) {
    PodEntry e = pods.remove(id);
    if (e == null) {
      return;
    }
    count(e, -1);
    if (e.pod.bound() && !e.terminating) {
      budgets.healthy(e.budgets, -1);
    }
    budgets.remove(e.budgets, id);
    changed();
    listener.podEnded(e.pod, why, queue.now());
    // Only a disruption can violate a budget: a scale-down or a completion is not one.
    if (why == PodEnd.EVICTED || why == PodEnd.LOST_WITH_NODE) {
      budgets.newlyViolated(e.budgets).forEach(b -> listener.budgetViolated(b, queue.now()));
    }
    WorkloadController c = e.owner;
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
  private void reconcile(WorkloadController c) {
    List<PodEntry> live = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (PodId id : c.pods) {
      PodEntry e = pods.get(id);
      names.add(id.name());
      if (!e.terminating) {
        live.add(e);
      }
    }
    int want = c.wanted();
    if (live.size() > want) {
      for (PodEntry e : c.surplus(live, want)) {
        remove(e.pod.id(), PodEnd.DELETED);
      }
      return;
    }
    for (String name : c.newNames(names, want - live.size())) {
      create(c, new PodId(c.spec.namespace(), name));
    }
  }

  private void create(WorkloadController c, PodId id) {
    Pod pod = c.spec.template().withId(id).withNodeName(null);
    PodEntry e = new PodEntry(pod, c, budgets.covering(pod), ++sequence);
    pods.add(e);
    c.pods.add(id);
    budgets.put(e.budgets, pod);
    count(e, +1);
    changed();
    listener.podCreated(pod, queue.now());
  }

  /** Adds or takes away the pod from its workload's running or pending count and the total. */
  private void count(PodEntry e, int delta) {
    pending += e.count(delta);
  }

  /** Pods, nodes or claims changed (called before or right after each change, never later). */
  private void changed() {
    version++;
    pods.dropSnapshots();
  }
}
