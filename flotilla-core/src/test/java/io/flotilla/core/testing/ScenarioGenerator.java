package io.flotilla.core.testing;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Random planning problems from a seed. Every problem has pools with requirements (architecture,
 * capacity type, instance category, zones) and pods of 1 to 12 workloads with requests, node
 * selectors, preferences and image architectures; the {@link Kind}s chosen add the other
 * constraints. The same seed and kinds always give the same problem.
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

  private static final String[] ARCHS = {"amd64", "arm64"};
  private static final String[] CATEGORIES = {"c", "m", "r", "t", "g", "im"};
  private static final Taint DEDICATED = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);
  private static final Taint SOFT = new Taint("spare", "true", Effect.PREFER_NO_SCHEDULE);

  private final SplittableRandom random;
  private final Catalog catalog;
  private final Set<Kind> kinds;

  /** Problems with the kinds of constraint the planner supports today. */
  public ScenarioGenerator(long seed, Catalog catalog) {
    this(seed, catalog, Kind.supportedByPlanner());
  }

  public ScenarioGenerator(long seed, Catalog catalog, Set<Kind> kinds) {
    this.random = new SplittableRandom(seed);
    this.catalog = catalog;
    this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
  }

  private boolean on(Kind k) {
    return kinds.contains(k);
  }

  /** True with probability 1/n when the kind is chosen. */
  private boolean chance(Kind k, int n) {
    return on(k) && random.nextInt(n) == 0;
  }

  public PlanRequest next() {
    List<NodePool> pools = new ArrayList<>();
    int poolCount = 1 + random.nextInt(3);
    for (int i = 0; i < poolCount; i++) {
      pools.add(pool("pool" + i));
    }
    if (on(Kind.CUSTOM_SPREAD)) {
      pools.add(spreadPool("spread-spot", "spot", "2", "3", "4", "5"));
      pools.add(spreadPool("spread-on-demand", "on-demand", "1"));
    }
    List<Pod> templates = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    int classes = 1 + random.nextInt(12);
    for (int c = 0; c < classes; c++) {
      Pod template = pod("app" + c, c == 0 ? null : "app" + (c - 1), requests());
      templates.add(template);
      int replicas = 1 + random.nextInt(random.nextInt(10) < 2 ? 40 : 8);
      for (int i = 0; i < replicas; i++) {
        pods.add(template.withId(new PodId("default", "app" + c + "-" + i)));
      }
    }
    List<Node> nodes = new ArrayList<>();
    int nodeCount = on(Kind.EXISTING_NODES) ? random.nextInt(4) : 0;
    for (int i = 0; i < nodeCount; i++) {
      Node node = node("existing-" + i, pools);
      nodes.add(node);
      if (random.nextBoolean()) {
        Pod replica = templates.get(random.nextInt(templates.size()));
        boolean fits = replica.requests().fitsIn(node.allocatable());
        Pod like = random.nextInt(3) == 0 && fits ? replica : simplePod("bound-" + i);
        pods.add(bound(like, "running-" + i, node.name()));
      }
    }
    List<DaemonSet> daemons = new ArrayList<>();
    if (on(Kind.DAEMON_SETS) && random.nextBoolean()) {
      Set<String> ports = chance(Kind.DAEMON_HOST_PORTS, 2) ? Set.of("8080/TCP") : Set.<String>of();
      Pod agent = withPorts(simplePod("agent"), ports);
      daemons.add(new DaemonSet("kube-system", "agent", agent));
    }
    return new PlanRequest(pods, nodes, pools, daemons, catalog);
  }

  private NodePool pool(String name) {
    List<Requirement> reqs = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      reqs.add(Requirement.in(WellKnownLabels.ARCH, pick(ARCHS)));
    }
    if (random.nextInt(3) == 0) {
      reqs.add(
          Requirement.in(
              WellKnownLabels.CAPACITY_TYPE, random.nextBoolean() ? "spot" : "on-demand"));
    }
    if (random.nextInt(3) == 0) {
      reqs.add(
          Requirement.of(
              WellKnownLabels.INSTANCE_CATEGORY,
              Operator.IN,
              List.of(pick(CATEGORIES), pick(CATEGORIES))));
    }
    if (random.nextInt(4) == 0) {
      reqs.add(
          Requirement.of(WellKnownLabels.ZONE, Operator.IN, List.of("us-east-1a", "us-east-1b")));
    }
    if (!on(Kind.GPUS)) {
      reqs.add(Requirement.of(WellKnownLabels.INSTANCE_GPU_COUNT, Operator.DOES_NOT_EXIST, null));
    }
    if (chance(Kind.MIN_VALUES, 3)) {
      reqs.add(
          random.nextBoolean()
              ? new Requirement(
                  WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 2 + random.nextInt(3))
              : new Requirement(
                  WellKnownLabels.INSTANCE_CATEGORY, Operator.IN, Set.of("c", "m", "r"), 2));
    }
    List<Taint> taints = new ArrayList<>();
    if (chance(Kind.TAINTS, 4)) {
      taints.add(DEDICATED);
    }
    if (chance(Kind.PREFER_NO_SCHEDULE, 4)) {
      taints.add(SOFT);
    }
    Resources limits =
        chance(Kind.WEIGHTED_LIMITS, 3)
            ? Resources.parse(Map.of("cpu", Integer.toString(8 + random.nextInt(40))))
            : Resources.NONE;
    Integer maxNodes = chance(Kind.WEIGHTED_LIMITS, 5) ? 2 + random.nextInt(5) : null;
    KubeletConfig kubelet =
        chance(Kind.KUBELET, 4)
            ? new KubeletConfig(
                10 + random.nextInt(30),
                null,
                Resources.parse(Map.of("cpu", "100m")),
                null,
                null,
                null)
            : KubeletConfig.DEFAULT;
    int weight = on(Kind.WEIGHTED_LIMITS) ? new int[] {10, 50, 100}[random.nextInt(3)] : 10;
    return new NodePool(
        name,
        weight,
        new Requirements(reqs),
        Map.of("team", random.nextBoolean() ? "a" : "b"),
        taints,
        List.of(),
        limits,
        maxNodes,
        kubelet,
        null,
        NodeClass.defaults("default"),
        NodePool.Api.V1);
  }

  /** One pool of Karpenter's documented capacity-spread split. */
  private NodePool spreadPool(String name, String capacityType, String... spreadValues) {
    List<Requirement> reqs = new ArrayList<>();
    reqs.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, capacityType));
    reqs.add(Requirement.in(CAPACITY_SPREAD, spreadValues));
    if (!on(Kind.GPUS)) {
      reqs.add(Requirement.of(WellKnownLabels.INSTANCE_GPU_COUNT, Operator.DOES_NOT_EXIST, null));
    }
    return new NodePool(
        name,
        on(Kind.WEIGHTED_LIMITS) ? new int[] {10, 50, 100}[random.nextInt(3)] : 10,
        new Requirements(reqs),
        Map.of("team", random.nextBoolean() ? "a" : "b"),
        List.of(),
        List.of(),
        Resources.NONE,
        null,
        KubeletConfig.DEFAULT,
        null,
        NodeClass.defaults("default"),
        NodePool.Api.V1);
  }

  private Node node(String name, List<NodePool> pools) {
    List<InstanceType> types =
        catalog.types().stream().filter(t -> on(Kind.GPUS) || t.gpu().count() == 0).toList();
    InstanceType t = types.get(random.nextInt(types.size()));
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.put(WellKnownLabels.ZONE, pick(TestCatalog.ZONES.toArray(String[]::new)));
    labels.put(WellKnownLabels.CAPACITY_TYPE, "on-demand");
    labels.put(WellKnownLabels.HOSTNAME, name);
    labels.put("team", random.nextBoolean() ? "a" : "b");
    if (random.nextInt(3) == 0) {
      labels.put(WellKnownLabels.NODE_POOL, pools.get(random.nextInt(pools.size())).name());
    }
    List<Taint> taints = new ArrayList<>();
    if (chance(Kind.TAINTS, 4)) {
      taints.add(DEDICATED);
    }
    if (chance(Kind.PREFER_NO_SCHEDULE, 3)) {
      taints.add(SOFT);
    }
    NodeClass nc = NodeClass.defaults("x");
    return new Node(
        name,
        labels,
        taints,
        Allocatable.capacity(t, KubeletConfig.DEFAULT, nc),
        Allocatable.of(t, KubeletConfig.DEFAULT, nc),
        random.nextInt(6) == 0);
  }

  /** A workload's pod template; {@code previous} names the workload generated before it. */
  private Pod pod(String app, String previous, Resources requests) {
    List<Requirement> selector = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      selector.add(Requirement.in(WellKnownLabels.ARCH, pick(ARCHS)));
    }
    if (random.nextInt(6) == 0) {
      selector.add(Requirement.in("team", random.nextBoolean() ? "a" : "b"));
    }
    if (random.nextInt(6) == 0) {
      selector.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"));
    }
    List<NodeAffinity.Preference> preferred = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      preferred.add(
          new NodeAffinity.Preference(
              50, Requirements.of(Requirement.in(WellKnownLabels.ARCH, "arm64"))));
    }
    NodeAffinity affinity =
        new NodeAffinity(
            selector.isEmpty() ? List.of() : List.of(new Requirements(selector)), preferred);
    List<Toleration> tolerations = new ArrayList<>();
    if (chance(Kind.TAINTS, 3)) {
      tolerations.add(Toleration.equal("dedicated", "batch", Effect.NO_SCHEDULE));
    }
    if (chance(Kind.PREFER_NO_SCHEDULE, 4)) {
      tolerations.add(new Toleration("spare", true, null, Effect.PREFER_NO_SCHEDULE));
    }
    Set<String> archs = random.nextInt(5) == 0 ? Set.of(pick(ARCHS)) : Set.of();
    return new Pod(
        new PodId("default", app + "-0"),
        Map.of("app", app),
        requests,
        affinity,
        tolerations,
        spreads(selector(app)),
        antiAffinity(selector(app)),
        affinity(app, previous),
        archs,
        chance(Kind.HOST_PORTS, 10) ? Set.of("8080/TCP") : Set.of(),
        "Deployment/" + app,
        null);
  }

  private List<TopologySpread> spreads(LabelSelector self) {
    List<TopologySpread> spread = new ArrayList<>();
    if (chance(Kind.HOSTNAME_SPREAD, 5)) {
      spread.add(spread(WellKnownLabels.HOSTNAME, self, null));
    }
    if (chance(Kind.ZONE_SPREAD, 5)) {
      Integer minDomains = chance(Kind.MIN_DOMAINS, 2) ? 2 + random.nextInt(3) : null;
      spread.add(spread(WellKnownLabels.ZONE, self, minDomains));
    }
    if (chance(Kind.CAPACITY_TYPE_SPREAD, 5)) {
      spread.add(spread(WellKnownLabels.CAPACITY_TYPE, self, null));
    }
    if (chance(Kind.CUSTOM_SPREAD, 3)) {
      spread.add(spread(CAPACITY_SPREAD, self, null));
    }
    if (spread.size() > 1 && !on(Kind.TWO_SPREADS)) {
      return List.of(spread.get(0));
    }
    return spread.size() > 2 ? spread.subList(0, 2) : spread;
  }

  private TopologySpread spread(String key, LabelSelector self, Integer minDomains) {
    int maxSkew = on(Kind.LOOSE_SKEW) ? 1 + random.nextInt(3) : 1;
    boolean hard = !chance(Kind.SOFT_SPREAD, 3);
    return new TopologySpread(key, maxSkew, hard, self, minDomains);
  }

  private List<PodAffinityTerm> antiAffinity(LabelSelector self) {
    List<PodAffinityTerm> terms = new ArrayList<>();
    if (chance(Kind.HOSTNAME_ANTI_AFFINITY, 8)) {
      terms.add(new PodAffinityTerm(self, WellKnownLabels.HOSTNAME, Set.of()));
    }
    if (chance(Kind.ZONE_ANTI_AFFINITY, 10)) {
      terms.add(new PodAffinityTerm(self, WellKnownLabels.ZONE, Set.of()));
    }
    return terms;
  }

  private List<PodAffinityTerm> affinity(String app, String previous) {
    List<PodAffinityTerm> terms = new ArrayList<>();
    if (chance(Kind.HOSTNAME_AFFINITY, 8)) {
      terms.add(affinityTerm(app, previous, WellKnownLabels.HOSTNAME));
    }
    if (chance(Kind.ZONE_AFFINITY, 8)) {
      terms.add(affinityTerm(app, previous, WellKnownLabels.ZONE));
    }
    return terms;
  }

  private PodAffinityTerm affinityTerm(String app, String previous, String key) {
    String target = previous != null && random.nextBoolean() ? previous : app;
    return new PodAffinityTerm(selector(target), key, Set.of());
  }

  private static LabelSelector selector(String app) {
    return new LabelSelector(Map.of("app", app), List.of());
  }

  private Pod simplePod(String app) {
    return new Pod(
        new PodId("default", app + "-0"),
        Map.of("app", app),
        Resources.parse(Map.of("cpu", "50m", "memory", "64Mi")),
        NodeAffinity.NONE,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Set.of(),
        chance(Kind.HOST_PORTS, 10) ? Set.of("8080/TCP") : Set.of(),
        "Deployment/" + app,
        null);
  }

  private static Pod withPorts(Pod p, Set<String> ports) {
    return new Pod(
        p.id(),
        p.labels(),
        p.requests(),
        p.nodeAffinity(),
        p.tolerations(),
        p.topologySpread(),
        p.antiAffinity(),
        p.affinity(),
        p.architectures(),
        ports,
        p.owner(),
        p.nodeName());
  }

  /** A pod like {@code like}, already running on a node, under another name. */
  private static Pod bound(Pod like, String name, String node) {
    return new Pod(
        new PodId("default", name),
        like.labels(),
        like.requests(),
        like.nodeAffinity(),
        like.tolerations(),
        like.topologySpread(),
        like.antiAffinity(),
        like.affinity(),
        like.architectures(),
        like.hostPorts(),
        like.owner(),
        node);
  }

  private Resources requests() {
    Map<String, String> r = new TreeMap<>();
    r.put("cpu", (50 + random.nextInt(60) * 50) + "m");
    r.put("memory", (64 + random.nextInt(190) * 64) + "Mi");
    if (chance(Kind.GPUS, 12)) {
      r.put("nvidia.com/gpu", "1");
    }
    return Resources.parse(r);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
