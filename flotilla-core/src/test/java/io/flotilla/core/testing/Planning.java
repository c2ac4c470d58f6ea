package io.flotilla.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.PlannedNode;
import io.flotilla.core.plan.Planner;
import io.flotilla.core.plan.Unschedulable;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a request against the TestCatalog, plans it, checks the plan with {@link PlanInvariants},
 * and answers questions about where pods went.
 */
public final class Planning {
  public static final Catalog CATALOG = TestCatalog.create();

  private final List<Pod> pods = new ArrayList<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<NodePool> pools = new ArrayList<>();
  private final List<DaemonSet> daemonSets = new ArrayList<>();

  public static Planning request() {
    return new Planning();
  }

  public Planning pods(List<Pod> more) {
    pods.addAll(more);
    return this;
  }

  public Planning pod(Pod pod) {
    pods.add(pod);
    return this;
  }

  public Planning node(Node node) {
    nodes.add(node);
    return this;
  }

  public Planning pool(NodePool pool) {
    pools.add(pool);
    return this;
  }

  public Planning pool(PoolBuilder pool) {
    return pool(pool.build());
  }

  public Planning daemonSet(String name, Pod template) {
    daemonSets.add(new DaemonSet("kube-system", name, template));
    return this;
  }

  public PlanRequest build() {
    return new PlanRequest(pods, nodes, pools, daemonSets, CATALOG);
  }

  /** Plans with the default planner and asserts the plan passes every invariant. */
  public Result plan() {
    PlanRequest request = build();
    return new Result(request, checked(request, new Planner().plan(request)));
  }

  /** Plans the request and asserts the plan passes every invariant. */
  public static Plan checked(PlanRequest request, Plan plan) {
    assertThat(PlanInvariants.violations(request, plan)).as("plan invariants").isEmpty();
    return plan;
  }

  /** A plan with lookups by pod. */
  public record Result(PlanRequest request, Plan plan) {
    public PlannedNode nodeOf(String namespaceAndName) {
      return findNode(namespaceAndName)
          .orElseThrow(() -> new AssertionError(namespaceAndName + " not placed: " + plan));
    }

    public Optional<PlannedNode> findNode(String namespaceAndName) {
      PodId id = id(namespaceAndName);
      return plan.nodes().stream().filter(n -> n.pods().contains(id)).findFirst();
    }

    /** The reason a pod is unschedulable; fails when it was placed. */
    public String reason(String namespaceAndName) {
      PodId id = id(namespaceAndName);
      return plan.unschedulable().stream()
          .filter(u -> u.pod().equals(id))
          .map(Unschedulable::reason)
          .findFirst()
          .orElseThrow(() -> new AssertionError(namespaceAndName + " was placed: " + plan));
    }

    public PlannedNode existing(String name) {
      return plan.nodes().stream()
          .filter(n -> n.existing() && n.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no existing node " + name));
    }

    public List<PlannedNode> newNodes() {
      return plan.newNodes();
    }

    public List<PlannedNode> newNodesOf(String pool) {
      return plan.newNodes().stream().filter(n -> n.nodePool().equals(pool)).toList();
    }

    public int placed() {
      return plan.nodes().stream().mapToInt(n -> n.pods().size()).sum();
    }

    /** Pods of the plan (not bound ones) per value of a node label. */
    public Map<String, Integer> countBy(String labelKey) {
      Map<String, Integer> counts = new TreeMap<>();
      for (PlannedNode n : plan.nodes()) {
        if (!n.pods().isEmpty()) {
          counts.merge(n.labels().get(labelKey), n.pods().size(), Integer::sum);
        }
      }
      return counts;
    }

    private static PodId id(String namespaceAndName) {
      String[] parts = namespaceAndName.split("/", 2);
      return parts.length == 2 ? new PodId(parts[0], parts[1]) : new PodId("default", parts[0]);
    }
  }
}
