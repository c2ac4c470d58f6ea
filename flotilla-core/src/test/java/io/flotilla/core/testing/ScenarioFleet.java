package io.flotilla.core.testing;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.testing.ScenarioGenerator.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a generated problem's pods may go: its node pools (requirements, taints, limits, kubelet
 * settings, minValues, the capacity-spread split) and its existing nodes. Kept apart from {@link
 * ScenarioWorkloads} because this is the side of the problem that reads the catalog; pods only
 * refer to it through labels and taints.
 */
final class ScenarioFleet {
  private static final String[] CATEGORIES = {"c", "m", "r", "t", "g", "im"};
  private static final Taint DEDICATED = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);
  private static final Taint SOFT = new Taint("spare", "true", Effect.PREFER_NO_SCHEDULE);

  private final ScenarioDraws draws;
  private final Catalog catalog;

  ScenarioFleet(ScenarioDraws draws, Catalog catalog) {
    this.draws = draws;
    this.catalog = catalog;
  }

  NodePool pool(String name) {
    List<Requirement> reqs = new ArrayList<>();
    if (draws.nextInt(3) == 0) {
      reqs.add(Requirement.in(WellKnownLabels.ARCH, draws.arch()));
    }
    if (draws.nextInt(3) == 0) {
      reqs.add(
          Requirement.in(
              WellKnownLabels.CAPACITY_TYPE, draws.nextBoolean() ? "spot" : "on-demand"));
    }
    if (draws.nextInt(3) == 0) {
      reqs.add(
          Requirement.of(
              WellKnownLabels.INSTANCE_CATEGORY,
              Operator.IN,
              List.of(draws.pick(CATEGORIES), draws.pick(CATEGORIES))));
    }
    if (draws.nextInt(4) == 0) {
      reqs.add(
          Requirement.of(WellKnownLabels.ZONE, Operator.IN, List.of("us-east-1a", "us-east-1b")));
    }
    if (!draws.on(Kind.GPUS)) {
      reqs.add(Requirement.of(WellKnownLabels.INSTANCE_GPU_COUNT, Operator.DOES_NOT_EXIST, null));
    }
    if (draws.chance(Kind.MIN_VALUES, 3)) {
      reqs.add(
          draws.nextBoolean()
              ? new Requirement(
                  WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 2 + draws.nextInt(3))
              : new Requirement(
                  WellKnownLabels.INSTANCE_CATEGORY, Operator.IN, Set.of("c", "m", "r"), 2));
    }
    List<Taint> taints = new ArrayList<>();
    if (draws.chance(Kind.TAINTS, 4)) {
      taints.add(DEDICATED);
    }
    if (draws.chance(Kind.PREFER_NO_SCHEDULE, 4)) {
      taints.add(SOFT);
    }
    Resources limits =
        draws.chance(Kind.WEIGHTED_LIMITS, 3)
            ? Resources.parse(Map.of("cpu", Integer.toString(8 + draws.nextInt(40))))
            : Resources.NONE;
    Integer maxNodes = draws.chance(Kind.WEIGHTED_LIMITS, 5) ? 2 + draws.nextInt(5) : null;
    KubeletConfig kubelet =
        draws.chance(Kind.KUBELET, 4)
            ? new KubeletConfig(
                10 + draws.nextInt(30),
                null,
                Resources.parse(Map.of("cpu", "100m")),
                null,
                null,
                null)
            : KubeletConfig.DEFAULT;
    int weight = draws.on(Kind.WEIGHTED_LIMITS) ? new int[] {10, 50, 100}[draws.nextInt(3)] : 10;
    return new NodePool(
        name,
        weight,
        new Requirements(reqs),
        Map.of("team", draws.nextBoolean() ? "a" : "b"),
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
  NodePool spreadPool(String name, String capacityType, String... spreadValues) {
    List<Requirement> reqs = new ArrayList<>();
    reqs.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, capacityType));
    reqs.add(Requirement.in(ScenarioGenerator.CAPACITY_SPREAD, spreadValues));
    if (!draws.on(Kind.GPUS)) {
      reqs.add(Requirement.of(WellKnownLabels.INSTANCE_GPU_COUNT, Operator.DOES_NOT_EXIST, null));
    }
    return new NodePool(
        name,
        draws.on(Kind.WEIGHTED_LIMITS) ? new int[] {10, 50, 100}[draws.nextInt(3)] : 10,
        new Requirements(reqs),
        Map.of("team", draws.nextBoolean() ? "a" : "b"),
        List.of(),
        List.of(),
        Resources.NONE,
        null,
        KubeletConfig.DEFAULT,
        null,
        NodeClass.defaults("default"),
        NodePool.Api.V1);
  }

  Node node(String name, List<NodePool> pools) {
    List<InstanceType> types =
        catalog.types().stream().filter(t -> draws.on(Kind.GPUS) || t.gpu().count() == 0).toList();
    InstanceType t = types.get(draws.nextInt(types.size()));
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.put(WellKnownLabels.ZONE, draws.pick(TestCatalog.ZONES.toArray(String[]::new)));
    labels.put(WellKnownLabels.CAPACITY_TYPE, "on-demand");
    labels.put(WellKnownLabels.HOSTNAME, name);
    labels.put("team", draws.nextBoolean() ? "a" : "b");
    if (draws.nextInt(3) == 0) {
      labels.put(WellKnownLabels.NODE_POOL, pools.get(draws.nextInt(pools.size())).name());
    }
    List<Taint> taints = new ArrayList<>();
    if (draws.chance(Kind.TAINTS, 4)) {
      taints.add(DEDICATED);
    }
    if (draws.chance(Kind.PREFER_NO_SCHEDULE, 3)) {
      taints.add(SOFT);
    }
    NodeClass nc = NodeClass.defaults("x");
    return new Node(
        name,
        labels,
        taints,
        Allocatable.capacity(t, KubeletConfig.DEFAULT, nc),
        Allocatable.of(t, KubeletConfig.DEFAULT, nc),
        draws.nextInt(6) == 0);
  }
}
