package io.flotilla.core.testing;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fluent builder for test pods: {@code PodBuilder.app("web").requests("1", "1Gi").replicas(3)}
 * gives pods default/web-0..2 labelled app=web.
 */
public final class PodBuilder {
  private final String app;
  private String namespace = "default";
  private final Map<String, String> labels = new HashMap<>();
  private Resources requests = Resources.NONE;
  private final List<Requirement> required = new ArrayList<>();
  private final List<NodeAffinity.Preference> preferred = new ArrayList<>();
  private final List<Toleration> tolerations = new ArrayList<>();
  private final List<TopologySpread> spread = new ArrayList<>();
  private final List<PodAffinityTerm> antiAffinity = new ArrayList<>();
  private final List<PodAffinityTerm> affinity = new ArrayList<>();
  private final Set<String> architectures = new HashSet<>();
  private final Set<String> hostPorts = new HashSet<>();
  private String nodeName;
  private String owner;

  private PodBuilder(String app) {
    this.app = app;
    labels.put("app", app);
  }

  public static PodBuilder app(String app) {
    return new PodBuilder(app);
  }

  public PodBuilder namespace(String ns) {
    this.namespace = ns;
    return this;
  }

  public PodBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public PodBuilder requests(String cpu, String memory) {
    this.requests = Build.res(cpu, memory);
    return this;
  }

  public PodBuilder requests(Resources r) {
    this.requests = r;
    return this;
  }

  /** A nodeSelector entry: the node label must have exactly this value. */
  public PodBuilder nodeSelector(String key, String value) {
    required.add(Requirement.in(key, value));
    return this;
  }

  public PodBuilder require(Requirement r) {
    required.add(r);
    return this;
  }

  public PodBuilder prefer(int weight, Requirement... term) {
    preferred.add(new NodeAffinity.Preference(weight, Requirements.of(term)));
    return this;
  }

  public PodBuilder tolerate(Toleration t) {
    tolerations.add(t);
    return this;
  }

  public PodBuilder images(String... archs) {
    architectures.addAll(List.of(archs));
    return this;
  }

  public PodBuilder hostPort(String port) {
    hostPorts.add(port);
    return this;
  }

  /** Hard topology spread over the key, counting pods of the same app. */
  public PodBuilder spread(String topologyKey, int maxSkew, Integer minDomains) {
    spread.add(new TopologySpread(topologyKey, maxSkew, true, self(), minDomains));
    return this;
  }

  /** ScheduleAnyway topology spread over the key, counting pods of the same app. */
  public PodBuilder softSpread(String topologyKey, int maxSkew) {
    spread.add(new TopologySpread(topologyKey, maxSkew, false, self(), null));
    return this;
  }

  /** Required anti-affinity to pods of the given app over the key. */
  public PodBuilder antiAffinity(String otherApp, String topologyKey) {
    antiAffinity.add(new PodAffinityTerm(selector(otherApp), topologyKey, Set.of()));
    return this;
  }

  /** Required affinity to pods of the given app over the key. */
  public PodBuilder affinity(String otherApp, String topologyKey) {
    affinity.add(new PodAffinityTerm(selector(otherApp), topologyKey, Set.of()));
    return this;
  }

  /** The controller that owns the pods, as {@code Kind/name} (default {@code Deployment/app}). */
  public PodBuilder owner(String kindAndName) {
    this.owner = kindAndName;
    return this;
  }

  public PodBuilder boundTo(String node) {
    this.nodeName = node;
    return this;
  }

  public Pod build(int index) {
    NodeAffinity na =
        new NodeAffinity(
            required.isEmpty() ? List.of() : List.of(new Requirements(required)), preferred);
    return new Pod(
        new PodId(namespace, app + "-" + index),
        labels,
        requests,
        na,
        tolerations,
        spread,
        antiAffinity,
        affinity,
        architectures,
        hostPorts,
        owner == null ? "Deployment/" + app : owner,
        nodeName);
  }

  public Pod one() {
    return build(0);
  }

  public List<Pod> replicas(int n) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pods.add(build(i));
    }
    return pods;
  }

  private LabelSelector self() {
    return selector(app);
  }

  private static LabelSelector selector(String app) {
    return new LabelSelector(Map.of("app", app), List.of());
  }
}
