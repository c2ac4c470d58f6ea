package io.flotilla.sim.cluster;

import io.flotilla.core.node.Node;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.cluster.Cluster;
import io.flotilla.ports.cluster.EvictionOutcome;
import io.flotilla.ports.cluster.NodeClaim;
import io.flotilla.sim.event.EventQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API server and the workload controllers as the simulation has them: pods, nodes, NodeClaims
 * and budgets; the eviction API refuses what a PodDisruptionBudget does not allow; an evicted pod
 * terminates after its grace period; Deployments and StatefulSets replace the pods they lose.
 */
public final class SimulatedCluster implements Cluster {
  private final EventQueue queue;
  private final Duration gracePeriod;
  private final ClusterListener listener;
  private final Map<PodId, Pod> pods = new TreeMap<>();
  private final Map<PodId, String> podWorkload = new TreeMap<>();
  private final Set<PodId> terminating = new LinkedHashSet<>();
  private final Map<String, Node> nodes = new TreeMap<>();
  private final Map<String, NodeClaim> claims = new TreeMap<>();
  private final Map<String, Workload> workloads = new TreeMap<>();
  private final Map<String, Integer> created = new TreeMap<>();
  private final List<DaemonSet> daemonSets;
  private final List<DisruptionBudget> budgets;
  private final Set<DisruptionBudget> violated = new LinkedHashSet<>();

  public SimulatedCluster(
      EventQueue queue,
      Duration gracePeriod,
      List<DaemonSet> daemonSets,
      List<DisruptionBudget> budgets,
      ClusterListener listener) {
    this.queue = queue;
    this.gracePeriod = gracePeriod;
    this.daemonSets = List.copyOf(daemonSets);
    this.budgets = List.copyOf(budgets);
    this.listener = listener;
  }

  /** Adds a workload; its controller creates its pods, pending. */
  public void apply(Workload workload) {
    workloads.put(key(workload.namespace(), workload.name()), workload);
    reconcile(workload);
  }

  /** Scales a workload (an HPA, a traffic change): new pods pending, surplus pods deleted. */
  public void scale(String namespace, String name, int replicas) {
    Workload w = workloads.get(key(namespace, name));
    if (w == null) {
      throw new IllegalArgumentException("no workload " + namespace + "/" + name);
    }
    workloads.put(key(namespace, name), w.withReplicas(replicas));
    reconcile(workloads.get(key(namespace, name)));
  }

  public List<Workload> workloads() {
    return List.copyOf(workloads.values());
  }

  @Override
  public List<Pod> pods() {
    return List.copyOf(pods.values());
  }

  @Override
  public Set<PodId> terminating() {
    return Set.copyOf(terminating);
  }

  @Override
  public List<Node> nodes() {
    return List.copyOf(nodes.values());
  }

  /** The claim of that name, or null. */
  public NodeClaim nodeClaim(String name) {
    return claims.get(name);
  }

  @Override
  public List<NodeClaim> nodeClaims() {
    return List.copyOf(claims.values());
  }

  @Override
  public List<DaemonSet> daemonSets() {
    return daemonSets;
  }

  @Override
  public List<DisruptionBudget> disruptionBudgets() {
    return budgets;
  }

  @Override
  public void createNodeClaim(NodeClaim claim) {
    claims.put(claim.name(), claim);
  }

  /** The claim's instance booted: its node joins with the claim's labels and the pool's taints. */
  public void register(String claimName, List<Taint> taints) {
    NodeClaim claim = claims.get(claimName);
    if (claim == null || nodes.containsKey(claimName)) {
      return;
    }
    Node node = claim.asNode(taints);
    nodes.put(claimName, node);
    listener.nodeJoined(nodes.size(), queue.now());
    NodeFilter filter = NodeFilter.of(node);
    for (DaemonSet ds : daemonSets) {
      Pod pod =
          ds.template()
              .withId(new PodId(ds.namespace(), ds.name() + "-" + claimName))
              .withNodeName(claimName);
      if (filter.whyNot(pod) == null) {
        pods.put(pod.id(), pod);
      }
    }
  }

  @Override
  public void cordon(String node) {
    Node n = nodes.get(node);
    if (n != null && !n.unschedulable()) {
      nodes.put(
          node, new Node(n.name(), n.labels(), n.taints(), n.capacity(), n.allocatable(), true));
    }
  }

  /** Binds a pending pod (the scheduler's call). */
  public void bind(PodId id, String node) {
    Pod pod = pods.get(id);
    if (pod == null || pod.bound() || !nodes.containsKey(node)) {
      throw new IllegalStateException("cannot bind " + id + " to " + node);
    }
    Pod bound = pod.withNodeName(node);
    pods.put(id, bound);
    listener.podBound(bound, queue.now());
    violated.removeIf(b -> !isViolated(b));
  }

  @Override
  public EvictionOutcome evict(PodId id) {
    Pod pod = pods.get(id);
    if (pod == null) {
      return EvictionOutcome.NOT_FOUND;
    }
    if (terminating.contains(id)) {
      return EvictionOutcome.EVICTED;
    }
    for (DisruptionBudget b : budgets) {
      if (b.covers(pod) && b.disruptionsAllowed(covered(b), healthy(b)) == 0) {
        return EvictionOutcome.BLOCKED_BY_BUDGET;
      }
    }
    terminating.add(id);
    String owner = podWorkload.get(id);
    if (owner != null && workloads.get(owner).kind() == Workload.Kind.DEPLOYMENT) {
      reconcile(workloads.get(owner));
    }
    queue.after(gracePeriod, () -> remove(id, true));
    return EvictionOutcome.EVICTED;
  }

  @Override
  public void deleteNode(String node) {
    nodes.remove(node);
    claims.remove(node);
    List<PodId> on = new ArrayList<>();
    pods.forEach(
        (id, p) -> {
          if (node.equals(p.nodeName())) {
            on.add(id);
          }
        });
    on.forEach(id -> remove(id, false));
  }

  private void remove(PodId id, boolean evicted) {
    Pod pod = pods.remove(id);
    terminating.remove(id);
    if (pod == null) {
      return;
    }
    if (pod.bound()) {
      listener.podEnded(pod, evicted, queue.now());
    }
    String owner = podWorkload.remove(id);
    for (DisruptionBudget b : budgets) {
      if (b.covers(pod) && isViolated(b) && violated.add(b)) {
        listener.budgetViolated(b.namespace() + "/" + b.name(), queue.now());
      }
    }
    if (owner != null && workloads.containsKey(owner)) {
      reconcile(workloads.get(owner));
    }
  }

  /** Creates or deletes pods until the workload has its replicas (terminating ones not counted). */
  private void reconcile(Workload w) {
    String key = key(w.namespace(), w.name());
    List<PodId> live = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    podWorkload.forEach(
        (id, owner) -> {
          if (owner.equals(key)) {
            names.add(id.name());
            if (!terminating.contains(id)) {
              live.add(id);
            }
          }
        });
    while (live.size() > w.replicas()) {
      PodId last = live.remove(live.size() - 1);
      remove(last, false);
    }
    for (int i = 0; live.size() < w.replicas() && i < w.replicas() * 2 + names.size() + 1; i++) {
      String name;
      if (w.kind() == Workload.Kind.STATEFUL_SET) {
        name = w.name() + "-" + i;
        if (names.contains(name)) {
          continue;
        }
      } else {
        name = w.name() + "-" + created.merge(key, 1, Integer::sum);
      }
      PodId id = new PodId(w.namespace(), name);
      Pod pod = w.template().withId(id).withNodeName(null);
      pods.put(id, pod);
      podWorkload.put(id, key);
      names.add(name);
      live.add(id);
      listener.podCreated(pod, queue.now());
    }
  }

  /** Fewer healthy pods than the budget requires (allowing one more would still allow none). */
  private boolean isViolated(DisruptionBudget b) {
    List<Pod> covered = covered(b);
    return !covered.isEmpty() && b.disruptionsAllowed(covered, healthy(b) + 1) == 0;
  }

  private List<Pod> covered(DisruptionBudget b) {
    return pods.values().stream().filter(b::covers).toList();
  }

  private int healthy(DisruptionBudget b) {
    int n = 0;
    for (Pod p : pods.values()) {
      if (b.covers(p) && p.bound() && !terminating.contains(p.id())) {
        n++;
      }
    }
    return n;
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }
}
