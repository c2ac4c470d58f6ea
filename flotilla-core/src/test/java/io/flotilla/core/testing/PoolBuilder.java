package io.flotilla.core.testing;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent builder for v1 node pools: {@code PoolBuilder.pool("spot", 100).require(...).build()}.
 */
public final class PoolBuilder {
  private final String name;
  private final int weight;
  private final List<Requirement> requirements = new ArrayList<>();
  private final Map<String, String> labels = new HashMap<>();
  private final List<Taint> taints = new ArrayList<>();
  private Resources limits = Resources.NONE;
  private Integer maxNodes;
  private KubeletConfig kubelet = KubeletConfig.DEFAULT;
  private Disruption disruption;

  private PoolBuilder(String name, int weight) {
    this.name = name;
    this.weight = weight;
  }

  public static PoolBuilder pool(String name, int weight) {
    return new PoolBuilder(name, weight);
  }

  public PoolBuilder require(Requirement r) {
    requirements.add(r);
    return this;
  }

  public PoolBuilder require(String key, String... values) {
    return require(Requirement.in(key, values));
  }

  public PoolBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public PoolBuilder taint(Taint t) {
    taints.add(t);
    return this;
  }

  /** Limits as quantities, e.g. limits("cpu", "8"). */
  public PoolBuilder limit(String resource, String quantity) {
    limits = limits.plus(Resources.parse(Map.of(resource, quantity)));
    return this;
  }

  public PoolBuilder maxNodes(int n) {
    this.maxNodes = n;
    return this;
  }

  public PoolBuilder kubelet(KubeletConfig k) {
    this.kubelet = k;
    return this;
  }

  public PoolBuilder disruption(Disruption d) {
    this.disruption = d;
    return this;
  }

  public NodePool build() {
    return new NodePool(
        name,
        weight,
        new Requirements(requirements),
        labels,
        taints,
        List.of(),
        limits,
        maxNodes,
        kubelet,
        disruption,
        null,
        NodePool.Api.V1);
  }
}
