package io.flotilla.core.testing;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.testing.ScenarioGenerator.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pods of a generated problem: workload templates with their requests, node selectors,
 * preferences, tolerations, spreads and pod (anti-)affinity, and the simple pods used for bound
 * pods and DaemonSets. Kept apart from {@link ScenarioFleet} because the pods' constraints
 * (spreads, pod affinity) are a topic of their own and none of them needs the catalog.
 */
final class ScenarioWorkloads {
  private final ScenarioDraws draws;

  ScenarioWorkloads(ScenarioDraws draws) {
    this.draws = draws;
  }

  /** A workload's pod template; {@code previous} names the workload generated before it. */
  Pod pod(String app, String previous, Resources requests) {
    List<Requirement> selector = new ArrayList<>();
    if (draws.nextInt(5) == 0) {
      selector.add(Requirement.in(WellKnownLabels.ARCH, draws.arch()));
    }
    if (draws.nextInt(6) == 0) {
      selector.add(Requirement.in("team", draws.nextBoolean() ? "a" : "b"));
    }
    if (draws.nextInt(6) == 0) {
      selector.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"));
    }
    List<NodeAffinity.Preference> preferred = new ArrayList<>();
    if (draws.nextInt(5) == 0) {
      preferred.add(
          new NodeAffinity.Preference(
              50, Requirements.of(Requirement.in(WellKnownLabels.ARCH, "arm64"))));
    }
    NodeAffinity affinity =
        new NodeAffinity(
            selector.isEmpty() ? List.of() : List.of(new Requirements(selector)), preferred);
    List<Toleration> tolerations = new ArrayList<>();
    if (draws.chance(Kind.TAINTS, 3)) {
      tolerations.add(Toleration.equal("dedicated", "batch", Effect.NO_SCHEDULE));
    }
    if (draws.chance(Kind.PREFER_NO_SCHEDULE, 4)) {
      tolerations.add(new Toleration("spare", true, null, Effect.PREFER_NO_SCHEDULE));
    }
    Set<String> archs = draws.nextInt(5) == 0 ? Set.of(draws.arch()) : Set.of();
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
        draws.chance(Kind.HOST_PORTS, 10) ? Set.of("8080/TCP") : Set.of(),
        "Deployment/" + app,
        null);
  }

  private List<TopologySpread> spreads(LabelSelector self) {
    List<TopologySpread> spread = new ArrayList<>();
    if (draws.chance(Kind.HOSTNAME_SPREAD, 5)) {
      spread.add(spread(WellKnownLabels.HOSTNAME, self, null));
    }
    if (draws.chance(Kind.ZONE_SPREAD, 5)) {
      Integer minDomains = draws.chance(Kind.MIN_DOMAINS, 2) ? 2 + draws.nextInt(3) : null;
      spread.add(spread(WellKnownLabels.ZONE, self, minDomains));
    }
    if (draws.chance(Kind.CAPACITY_TYPE_SPREAD, 5)) {
      spread.add(spread(WellKnownLabels.CAPACITY_TYPE, self, null));
    }
    if (draws.chance(Kind.CUSTOM_SPREAD, 3)) {
      spread.add(spread(ScenarioGenerator.CAPACITY_SPREAD, self, null));
    }
    if (spread.size() > 1 && !draws.on(Kind.TWO_SPREADS)) {
      return List.of(spread.get(0));
    }
    return spread.size() > 2 ? spread.subList(0, 2) : spread;
  }

  private TopologySpread spread(String key, LabelSelector self, Integer minDomains) {
    int maxSkew = draws.on(Kind.LOOSE_SKEW) ? 1 + draws.nextInt(3) : 1;
    boolean hard = !draws.chance(Kind.SOFT_SPREAD, 3);
    return new TopologySpread(key, maxSkew, hard, self, minDomains);
  }

  private List<PodAffinityTerm> antiAffinity(LabelSelector self) {
    List<PodAffinityTerm> terms = new ArrayList<>();
    if (draws.chance(Kind.HOSTNAME_ANTI_AFFINITY, 8)) {
      terms.add(new PodAffinityTerm(self, WellKnownLabels.HOSTNAME, Set.of()));
    }
    if (draws.chance(Kind.ZONE_ANTI_AFFINITY, 10)) {
      terms.add(new PodAffinityTerm(self, WellKnownLabels.ZONE, Set.of()));
    }
    return terms;
  }

  private List<PodAffinityTerm> affinity(String app, String previous) {
    List<PodAffinityTerm> terms = new ArrayList<>();
    if (draws.chance(Kind.HOSTNAME_AFFINITY, 8)) {
      terms.add(affinityTerm(app, previous, WellKnownLabels.HOSTNAME));
    }
    if (draws.chance(Kind.ZONE_AFFINITY, 8)) {
      terms.add(affinityTerm(app, previous, WellKnownLabels.ZONE));
    }
    return terms;
  }

  private PodAffinityTerm affinityTerm(String app, String previous, String key) {
    String target = previous != null && draws.nextBoolean() ? previous : app;
    return new PodAffinityTerm(selector(target), key, Set.of());
  }

  private static LabelSelector selector(String app) {
    return new LabelSelector(Map.of("app", app), List.of());
  }

  Pod simplePod(String app) {
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
        draws.chance(Kind.HOST_PORTS, 10) ? Set.of("8080/TCP") : Set.of(),
        "Deployment/" + app,
        null);
  }

  static Pod withPorts(Pod p, Set<String> ports) {
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
  static Pod bound(Pod like, String name, String node) {
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

  Resources requests() {
    Map<String, String> r = new TreeMap<>();
    r.put("cpu", (50 + draws.nextInt(60) * 50) + "m");
    r.put("memory", (64 + draws.nextInt(190) * 64) + "Mi");
    if (draws.chance(Kind.GPUS, 12)) {
      r.put("nvidia.com/gpu", "1");
    }
    return Resources.parse(r);
  }
}
