package io.flotilla.core.testing.check;

import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One entry point per invariant, over one view of the request and the plan. */
public final class Invariants {
  private final Cluster cluster;
  private final Launchable launchable;
  private final Alternatives alternatives;

  public Invariants(PlanRequest request, Plan plan) {
    this.cluster = new Cluster(request, plan);
    this.launchable = new Launchable(cluster);
    this.alternatives = new Alternatives(cluster);
  }

  public List<String> accounting() {
    return new Accounting(cluster).check();
  }

  public List<String> resources() {
    return new NodeChecks(cluster).resources();
  }

  public List<String> placement() {
    return new NodeChecks(cluster).placement();
  }

  public List<String> topologySpread() {
    return new Spread(cluster, launchable).check();
  }

  public List<String> podAntiAffinity() {
    return new PodAffinity(cluster).antiAffinity();
  }

  public List<String> podAffinity() {
    return new PodAffinity(cluster).affinity();
  }

  public List<String> hostPorts() {
    return new HostPorts(cluster).check();
  }

  public List<String> poolLimits() {
    return new PoolLimits(cluster, launchable).check();
  }

  public List<String> weightOrderAndReuse() {
    return preferences().weightOrderAndReuse();
  }

  public List<String> minValues() {
    return preferences().minValues();
  }

  public List<String> preferNoSchedule() {
    return preferences().preferNoSchedule();
  }

  public List<String> exoticTypes() {
    return preferences().exoticTypes();
  }

  public List<String> unschedulableReasons() {
    return new UnschedulableReasons(cluster, launchable, alternatives).check();
  }

  private Preferences preferences() {
    return new Preferences(cluster, launchable, alternatives);
  }

  private Map<String, Supplier<List<String>>> checks() {
    Map<String, Supplier<List<String>>> checks = new LinkedHashMap<>();
    checks.put("accounting", this::accounting);
    checks.put("resources", this::resources);
    checks.put("placement", this::placement);
    checks.put("spread", this::topologySpread);
    checks.put("anti-affinity", this::podAntiAffinity);
    checks.put("affinity", this::podAffinity);
    checks.put("host ports", this::hostPorts);
    checks.put("pool limits", this::poolLimits);
    checks.put("minValues", this::minValues);
    checks.put("weight order", this::weightOrderAndReuse);
    checks.put("PreferNoSchedule", this::preferNoSchedule);
    checks.put("exotic", this::exoticTypes);
    checks.put("unschedulable", this::unschedulableReasons);
    return checks;
  }

  /**
   * The invariants every valid placement keeps, whatever strategy chose it; the others (weight
   * order and reuse, PreferNoSchedule, exotic types, unschedulable reasons) judge the choices.
   */
  public static final List<String> CONSTRAINTS =
      List.of(
          "accounting",
          "resources",
          "placement",
          "spread",
          "anti-affinity",
          "affinity",
          "host ports",
          "pool limits",
          "minValues");

  /** Every invariant's violations, by invariant name, in a fixed order. */
  public Map<String, List<String>> byInvariant() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    checks().forEach((name, check) -> out.put(name, check.get()));
    return out;
  }

  /** Every violation, each prefixed with its invariant's name. */
  public List<String> all() {
    return prefixed(checks());
  }

  /** Violations of the {@link #CONSTRAINTS} only, each prefixed with its invariant's name. */
  public List<String> constraints() {
    Map<String, Supplier<List<String>>> checks = checks();
    checks.keySet().retainAll(CONSTRAINTS);
    return prefixed(checks);
  }

  private static List<String> prefixed(Map<String, Supplier<List<String>>> checks) {
    List<String> out = new ArrayList<>();
    checks.forEach((name, check) -> check.get().forEach(v -> out.add(name + ": " + v)));
    return out;
  }
}
