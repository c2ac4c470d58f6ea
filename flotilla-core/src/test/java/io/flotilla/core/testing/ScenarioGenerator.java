package io.flotilla.core.testing;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Random planning problems from a seed. Every problem has pools with requirements (architecture,
 * capacity type, instance category, zones) and pods of 1 to 12 workloads with requests, node
 * selectors, preferences and image architectures; the {@link Kind}s chosen add the other
 * constraints. The same seed and kinds always give the same problem.
 *
 * <p>This class lays out the problem; {@link ScenarioFleet} makes its pools and existing nodes,
 * {@link ScenarioWorkloads} its pods, all drawing from one {@link ScenarioDraws}.
 */
public final class ScenarioGenerator {
  /** The constraints a problem may carry besides the basic ones. */
  public enum Kind {
    /** NoSchedule taints on pools and existing nodes, and pods that tolerate them. */
    TAINTS,
    /** PreferNoSchedule taints on pools and existing nodes, and pods that tolerate them. */
    PREFER_NO_SCHEDULE,
    /** Pool weights 10, 50 or 100, CPU limits and maximum node counts. */
    WEIGHTED_LIMITS,
    /** Pools with their own kubelet settings (maxPods, systemReserved). */
    KUBELET,
    /** Existing nodes, some cordoned, some with pods bound (some replicas of a workload). */
    EXISTING_NODES,
    /** A DaemonSet on every node that admits it. */
    DAEMON_SETS,
    /** The DaemonSet binds a host port that pods also use. */
    DAEMON_HOST_PORTS,
    /** GPU instance types allowed in pools, and pods requesting nvidia.com/gpu. */
    GPUS,
    /** Pods binding host port 8080. */
    HOST_PORTS,
    /** Hard (DoNotSchedule) topology spread on kubernetes.io/hostname. */
    HOSTNAME_SPREAD,
    /** Hard topology spread on topology.kubernetes.io/zone. */
    ZONE_SPREAD,
    /** Hard topology spread on karpenter.sh/capacity-type. */
    CAPACITY_TYPE_SPREAD,
    /**
     * Karpenter's documented Spot/on-demand split: a Spot pool with {@code capacity-spread In
     * [2,3,4,5]}, an on-demand pool with {@code capacity-spread In [1]}, pods spreading on it.
     */
    CUSTOM_SPREAD,
    /** maxSkew of 1 to 3 (otherwise 1). */
    LOOSE_SKEW,
    /** Some spreads are ScheduleAnyway. */
    SOFT_SPREAD,
    /** A pod may carry two spreads (otherwise only its first). */
    TWO_SPREADS,
    /** Zone spreads with minDomains 2 to 4. */
    MIN_DOMAINS,
    /** Required anti-affinity of a workload to itself on the hostname. */
    HOSTNAME_ANTI_AFFINITY,
    /** Required anti-affinity of a workload to itself on the zone. */
    ZONE_ANTI_AFFINITY,
    /** Required affinity on the hostname, to the workload itself or to the one before it. */
    HOSTNAME_AFFINITY,
    /** Required affinity on the zone, to the workload itself or to the one before it. */
    ZONE_AFFINITY,
    /** Pools with minValues on the instance family or category. */
    MIN_VALUES;

    /** Every kind. */
    public static Set<Kind> all() {
      return Collections.unmodifiableSet(EnumSet.allOf(Kind.class));
    }

    /**
     * The kinds today's planner plans without breaking any invariant of {@link PlanInvariants}
     * (seeds 0 to 299); PlannerAllConstraintsPropertiesTest tracks the others.
     */
    public static Set<Kind> supportedByPlanner() {
      return Collections.unmodifiableSet(
          EnumSet.of(
              TAINTS,
              WEIGHTED_LIMITS,
              KUBELET,
              EXISTING_NODES,
              DAEMON_SETS,
              HOST_PORTS,
              HOSTNAME_SPREAD,
              LOOSE_SKEW,
              SOFT_SPREAD,
              HOSTNAME_ANTI_AFFINITY));
    }
  }

  /** The key of Karpenter's documented on-demand/Spot split. */
  public static final String CAPACITY_SPREAD = "capacity-spread";

  private final ScenarioDraws draws;
  private final ScenarioFleet fleet;
  private final ScenarioWorkloads workloads;
  private final Catalog catalog;

  /** Problems with the kinds of constraint the planner supports today. */
  public ScenarioGenerator(long seed, Catalog catalog) {
    this(seed, catalog, Kind.supportedByPlanner());
  }

  public ScenarioGenerator(long seed, Catalog catalog, Set<Kind> kinds) {
    this.draws = new ScenarioDraws(seed, kinds);
    this.fleet = new ScenarioFleet(draws, catalog);
    this.workloads = new ScenarioWorkloads(draws);
    this.catalog = catalog;
  }

  public PlanRequest next() {
    List<NodePool> pools = new ArrayList<>();
    int poolCount = 1 + draws.nextInt(3);
    for (int i = 0; i < poolCount; i++) {
      pools.add(fleet.pool("pool" + i));
    }
    if (draws.on(Kind.CUSTOM_SPREAD)) {
      pools.add(fleet.spreadPool("spread-spot", "spot", "2", "3", "4", "5"));
      pools.add(fleet.spreadPool("spread-on-demand", "on-demand", "1"));
    }
    List<Pod> templates = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    int classes = 1 + draws.nextInt(12);
    for (int c = 0; c < classes; c++) {
      Pod template =
          workloads.pod("app" + c, c == 0 ? null : "app" + (c - 1), workloads.requests());
      templates.add(template);
      int replicas = 1 + draws.nextInt(draws.nextInt(10) < 2 ? 40 : 8);
      for (int i = 0; i < replicas; i++) {
        pods.add(template.withId(new PodId("default", "app" + c + "-" + i)));
      }
    }
    List<Node> nodes = new ArrayList<>();
    int nodeCount = draws.on(Kind.EXISTING_NODES) ? draws.nextInt(4) : 0;
    for (int i = 0; i < nodeCount; i++) {
      Node node = fleet.node("existing-" + i, pools);
      nodes.add(node);
      if (draws.nextBoolean()) {
        Pod replica = templates.get(draws.nextInt(templates.size()));
        boolean fits = replica.requests().fitsIn(node.allocatable());
        Pod like = draws.nextInt(3) == 0 && fits ? replica : workloads.simplePod("bound-" + i);
        pods.add(ScenarioWorkloads.bound(like, "running-" + i, node.name()));
      }
    }
    List<DaemonSet> daemons = new ArrayList<>();
    if (draws.on(Kind.DAEMON_SETS) && draws.nextBoolean()) {
      Set<String> ports =
          draws.chance(Kind.DAEMON_HOST_PORTS, 2) ? Set.of("8080/TCP") : Set.<String>of();
      Pod agent = ScenarioWorkloads.withPorts(workloads.simplePod("agent"), ports);
      daemons.add(new DaemonSet("kube-system", "agent", agent));
    }
    return new PlanRequest(pods, nodes, pools, daemons, catalog);
  }
}
