package io.flotilla.control.manager;

import io.flotilla.core.node.Node;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.ports.cluster.Cluster;
import io.flotilla.ports.cluster.EvictionOutcome;
import io.flotilla.ports.cluster.NodeClaim;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fake of the cluster port: pods, nodes and NodeClaims in maps; an eviction a budget does not
 * allow is refused; evicted or deleted pods come back pending under a new name (as a Deployment
 * replaces them); a first-fit scheduler binds pending pods. It records cordons, evictions and
 * deletions in order.
 */
final class FakeCluster implements Cluster {
  private final Map<PodId, Pod> pods = new TreeMap<>();
  private final Set<PodId> terminating = new LinkedHashSet<>();
  private final Map<String, Node> nodes = new TreeMap<>();
  private final Map<String, NodeClaim> claims = new TreeMap<>();
  private final List<DisruptionBudget> budgets = new ArrayList<>();
  final List<String> events = new ArrayList<>();
  private int generation;

  void add(Pod pod) {
    pods.put(pod.id(), pod);
  }

  void budget(DisruptionBudget b) {
    budgets.add(b);
  }

  /** A claim whose node has already joined. */
  void joined(NodeClaim claim, List<Taint> taints) {
    claims.put(claim.name(), claim);
    nodes.put(claim.name(), claim.asNode(taints));
  }

  /** The claim's instance booted: its node joins. */
  void join(String claim, List<Taint> taints) {
    nodes.put(claim, claims.get(claim).asNode(taints));
    events.add("join " + claim);
  }

  boolean hasNode(String name) {
    return nodes.containsKey(name);
  }

  /** Evicted pods end; their controller creates replacements, pending. */
  void finishEvictions() {
    for (PodId id : List.copyOf(terminating)) {
      Pod gone = pods.remove(id);
      terminating.remove(id);
      recreate(gone);
    }
  }

  /** Binds pending pods, in name order, to the first node (by name) they pass and fit on. */
  void bindPending() {
    for (Pod p : List.copyOf(pods.values())) {
      if (p.bound()) {
        continue;
      }
      for (Node n : nodes.values()) {
        if (NodeFilter.of(n).whyNot(p) == null && p.requests().fitsIn(free(n))) {
          pods.put(p.id(), p.withNodeName(n.name()));
          events.add("bind " + p.id().name() + " " + n.name());
          break;
        }
      }
    }
  }

  private Resources free(Node n) {
    Resources used = Resources.NONE;
    for (Pod p : pods.values()) {
      if (n.name().equals(p.nodeName())) {
        used = used.plus(p.requests());
      }
    }
    return n.allocatable().minusFloored(used);
  }

  private void recreate(Pod gone) {
    if (gone != null && !gone.owner().startsWith("DaemonSet/")) {
      String name = gone.id().name().replaceAll("~\\d+$", "") + "~" + (++generation);
      Pod again = gone.withId(new PodId(gone.id().namespace(), name)).withNodeName(null);
      pods.put(again.id(), again);
    }
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

  @Override
  public List<NodeClaim> nodeClaims() {
    return List.copyOf(claims.values());
  }

  @Override
  public List<DaemonSet> daemonSets() {
    return List.of();
  }

  @Override
  public List<DisruptionBudget> disruptionBudgets() {
    return List.copyOf(budgets);
  }

  @Override
  public void createNodeClaim(NodeClaim claim) {
    claims.put(claim.name(), claim);
    events.add("claim " + claim.name());
  }

  @Override
  public void cordon(String node) {
    Node n = nodes.get(node);
    if (n != null && !n.unschedulable()) {
      nodes.put(
          node, new Node(n.name(), n.labels(), n.taints(), n.capacity(), n.allocatable(), true));
      events.add("cordon " + node);
    }
  }

  @Override
  public EvictionOutcome evict(PodId id) {
    Pod pod = pods.get(id);
    if (pod == null) {
      return EvictionOutcome.NOT_FOUND;
    }
    for (DisruptionBudget b : budgets) {
      List<Pod> covered = pods.values().stream().filter(b::covers).toList();
      int healthy =
          (int) covered.stream().filter(p -> p.bound() && !terminating.contains(p.id())).count();
      if (b.covers(pod) && b.disruptionsAllowed(covered, healthy) == 0) {
        return EvictionOutcome.BLOCKED_BY_BUDGET;
      }
    }
    terminating.add(id);
    events.add("evict " + id.name());
    return EvictionOutcome.EVICTED;
  }

  @Override
  public void deleteNode(String node) {
    nodes.remove(node);
    claims.remove(node);
    events.add("delete " + node);
    for (Pod p : List.copyOf(pods.values())) {
      if (node.equals(p.nodeName())) {
        pods.remove(p.id());
        terminating.remove(p.id());
        recreate(p);
      }
    }
  }
}
