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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Random planning problems from a seed, covering every constraint the planner honours: pools with
 * weights, requirements, taints, limits and max pods; existing nodes (some cordoned, some with
 * bound pods); DaemonSets; pods with selectors, preferences, tolerations, image architectures,
 * GPUs, hostname anti-affinity, hostname and zone spread, host ports.
 */
public final class ScenarioGenerator {
  private static final String[] ARCHS = {"amd64", "arm64"};
  private static final String[] CATEGORIES = {"c", "m", "r", "t", "g", "im"};
  private static final Taint DEDICATED = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);

  private final SplittableRandom random;
  private final Catalog catalog;

  public ScenarioGenerator(long seed, Catalog catalog) {
    this.random = new SplittableRandom(seed);
    this.catalog = catalog;
  }

  public PlanRequest next() {
    List<NodePool> pools = new ArrayList<>();
    int poolCount = 1 + random.nextInt(3);
    for (int i = 0; i < poolCount; i++) {
      pools.add(pool("pool" + i));
    }
    List<Node> nodes = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    int nodeCount = random.nextInt(4);
    for (int i = 0; i < nodeCount; i++) {
      Node node = node("existing-" + i, pools);
      nodes.add(node);
      if (random.nextBoolean()) {
        pods.add(pod("bound-" + i, 0, small(), node.name()));
      }
    }
    int classes = 1 + random.nextInt(12);
    for (int c = 0; c < classes; c++) {
      Pod template = pod("app" + c, 0, requests(), null);
      int replicas = 1 + random.nextInt(random.nextInt(10) < 2 ? 40 : 8);
      for (int i = 0; i < replicas; i++) {
        pods.add(template.withId(new PodId("default", "app" + c + "-" + i)));
      }
    }
    List<DaemonSet> daemons = new ArrayList<>();
    if (random.nextBoolean()) {
      daemons.add(new DaemonSet("kube-system", "agent", pod("agent", 0, small(), null)));
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
    List<Taint> taints = random.nextInt(4) == 0 ? List.of(DEDICATED) : List.of();
    Resources limits =
        random.nextInt(3) == 0
            ? Resources.parse(Map.of("cpu", Integer.toString(8 + random.nextInt(40))))
            : Resources.NONE;
    KubeletConfig kubelet =
        random.nextInt(4) == 0
            ? new KubeletConfig(
                10 + random.nextInt(30),
                null,
                Resources.parse(Map.of("cpu", "100m")),
                null,
                null,
                null)
            : KubeletConfig.DEFAULT;
    return new NodePool(
        name,
        new int[] {10, 50, 100}[random.nextInt(3)],
        new Requirements(reqs),
        Map.of("team", random.nextBoolean() ? "a" : "b"),
        taints,
        List.of(),
        limits,
        random.nextInt(5) == 0 ? 2 + random.nextInt(5) : null,
        kubelet,
        null,
        NodeClass.defaults("default"),
        NodePool.Api.V1);
  }

  private Node node(String name, List<NodePool> pools) {
    List<InstanceType> types = catalog.types();
    InstanceType t = types.get(random.nextInt(types.size()));
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.put(WellKnownLabels.ZONE, pick(TestCatalog.ZONES.toArray(String[]::new)));
    labels.put(WellKnownLabels.CAPACITY_TYPE, "on-demand");
    labels.put(WellKnownLabels.HOSTNAME, name);
    labels.put("team", random.nextBoolean() ? "a" : "b");
    if (random.nextInt(3) == 0) {
      labels.put(WellKnownLabels.NODE_POOL, pools.get(random.nextInt(pools.size())).name());
    }
    List<Taint> taints = random.nextInt(4) == 0 ? List.of(DEDICATED) : List.of();
    Resources capacity = Allocatable.capacity(t, KubeletConfig.DEFAULT, NodeClass.defaults("x"));
    return new Node(
        name,
        labels,
        taints,
        capacity,
        Allocatable.of(t, KubeletConfig.DEFAULT, NodeClass.defaults("x")),
        random.nextInt(6) == 0);
  }

  private Pod pod(String app, int i, Resources requests, String nodeName) {
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
    List<Toleration> tolerations =
        random.nextInt(3) == 0
            ? List.of(Toleration.equal("dedicated", "batch", Effect.NO_SCHEDULE))
            : List.of();
    Set<String> archs = random.nextInt(5) == 0 ? Set.of(pick(ARCHS)) : Set.of();
    LabelSelector self = new LabelSelector(Map.of("app", app), List.of());
    List<TopologySpread> spread = new ArrayList<>();
    if (random.nextInt(5) == 0) {
      spread.add(
          new TopologySpread(WellKnownLabels.HOSTNAME, 1 + random.nextInt(3), true, self, null));
    }
    if (random.nextInt(5) == 0) {
      spread.add(new TopologySpread(WellKnownLabels.ZONE, 1 + random.nextInt(2), true, self, null));
    }
    List<PodAffinityTerm> anti =
        random.nextInt(8) == 0
            ? List.of(new PodAffinityTerm(self, WellKnownLabels.HOSTNAME, Set.of()))
            : List.of();
    Set<String> ports = random.nextInt(10) == 0 ? Set.of("8080/TCP") : Set.of();
    return new Pod(
        new PodId("default", app + "-" + i),
        Map.of("app", app),
        requests,
        affinity,
        tolerations,
        spread,
        anti,
        List.of(),
        archs,
        ports,
        "Deployment/" + app,
        nodeName);
  }

  private Resources small() {
    return Resources.parse(Map.of("cpu", "50m", "memory", "64Mi"));
  }

  private Resources requests() {
    Map<String, String> r = new TreeMap<>();
    r.put("cpu", (50 + random.nextInt(60) * 50) + "m");
    r.put("memory", (64 + random.nextInt(190) * 64) + "Mi");
    if (random.nextInt(12) == 0) {
      r.put("nvidia.com/gpu", "1");
    }
    return Resources.parse(r);
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
