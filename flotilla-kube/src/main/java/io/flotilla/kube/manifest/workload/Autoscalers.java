package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.flotilla.core.workload.Autoscaler;
import io.flotilla.core.workload.ScalingBehavior;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads what the simulator needs of a HorizontalPodAutoscaler beyond its bounds and target ({@link
 * Hpa}): the CPU utilisation it aims at and its {@code behavior} (stabilisation windows, scaling
 * policies and select policies, each direction's unset parts at Kubernetes' defaults). Only CPU
 * utilisation is modelled; any other metric is ignored with a warning, and an HPA left without a
 * CPU utilisation target is simulated at {@link Autoscaler#DEFAULT_CPU_UTILIZATION}, as is one
 * without metrics. Values the API server would reject are errors.
 */
public final class Autoscalers {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath METRICS = SPEC.child("metrics");
  private static final String UTILIZATION = "Utilization";
  private static final Set<String> METRIC_TYPES =
      Set.of("ContainerResource", "External", "Object", "Pods", "Resource");
  private static final Set<String> TARGET_TYPES = Set.of(UTILIZATION, "Value", "AverageValue");

  /** The API server's bound on a stabilisation window. */
  private static final int MAX_STABILIZATION_SECONDS = 3600;

  private Autoscalers() {}

  /** One direction's {@code behavior} rules as v2 and v2beta2 spell them; nulls where unset. */
  private record RulesSpec(Integer window, String select, List<PolicySpec> policies) {}

  /** One scaling policy as written. */
  private record PolicySpec(String type, Integer value, Integer periodSeconds) {}

  private static final FieldPath BEHAVIOR = SPEC.child("behavior");
  private static final Map<String, ScalingBehavior.Select> SELECT =
      Map.of(
          "Max", ScalingBehavior.Select.MAX,
          "Min", ScalingBehavior.Select.MIN,
          "Disabled", ScalingBehavior.Select.DISABLED);
  private static final Map<String, ScalingBehavior.PolicyType> POLICY_TYPES =
      Map.of(
          "Pods", ScalingBehavior.PolicyType.PODS, "Percent", ScalingBehavior.PolicyType.PERCENT);

  /**
   * The HPA with its behavior, each direction's unset parts filled with Kubernetes' defaults, every
   * value checked as the API server checks it.
   */
  private static Autoscaler withBehavior(Autoscaler a, RulesSpec up, RulesSpec down) {
    ScalingBehavior behavior =
        new ScalingBehavior(
            rules(BEHAVIOR.child("scaleUp"), up, ScalingBehavior.defaultScaleUp()),
            rules(BEHAVIOR.child("scaleDown"), down, ScalingBehavior.defaultScaleDown()));
    return a.withBehavior(behavior);
  }

  private static ScalingBehavior.Rules rules(
      FieldPath at, RulesSpec spec, ScalingBehavior.Rules defaults) {
    if (spec == null) {
      return defaults;
    }
    Duration window = defaults.stabilization();
    if (spec.window() != null) {
      window = Duration.ofSeconds(stabilizationSeconds(at, spec.window()));
    }
    ScalingBehavior.Select select = ScalingBehavior.Select.MAX;
    if (spec.select() != null) {
      select = SELECT.get(spec.select());
      if (select == null) {
        throw new FieldError(
            at.child("selectPolicy"), unknown("select policy", spec.select(), SELECT.keySet()));
      }
    }
    // The model reads an absent list as empty: either way the defaults apply.
    List<ScalingBehavior.Policy> policies = defaults.policies();
    if (spec.policies() != null && !spec.policies().isEmpty()) {
      policies = new ArrayList<>();
      for (int i = 0; i < spec.policies().size(); i++) {
        policies.add(policy(at.child("policies").index(i), spec.policies().get(i)));
      }
    }
    return new ScalingBehavior.Rules(window, select, policies);
  }

  private static ScalingBehavior.Policy policy(FieldPath at, PolicySpec p) {
    if (p.type() == null || p.type().isBlank()) {
      throw new FieldError(at.child("type"), "missing");
    }
    ScalingBehavior.PolicyType type = POLICY_TYPES.get(p.type());
    if (type == null) {
      throw new FieldError(
          at.child("type"), unknown("policy type", p.type(), POLICY_TYPES.keySet()));
    }
    if (p.value() == null || p.value() < 1) {
      throw new FieldError(
          at.child("value"),
          p.value() == null ? "missing" : "must be greater than 0, got " + p.value());
    }
    Integer period = p.periodSeconds();
    if (period == null || period < 1 || period > ScalingBehavior.MAX_PERIOD.toSeconds()) {
      throw new FieldError(
          at.child("periodSeconds"),
          period == null
              ? "missing"
              : "must be between 1 and "
                  + ScalingBehavior.MAX_PERIOD.toSeconds()
                  + ", got "
                  + period);
    }
    return new ScalingBehavior.Policy(type, p.value(), Duration.ofSeconds(period));
  }

  /** One metric as every version spells it; {@code resource} is null when it names none. */
  private record Metric(FieldPath at, String type, Resource resource) {}

  /** A Resource metric's resource name and target (null when it has none). */
  private record Resource(FieldPath at, String name, Target target) {}

  /** A metric target: its type and, for Utilization, the percentage and where it is written. */
  private record Target(FieldPath at, String type, Integer utilization, FieldPath utilizationAt) {}

  public static Autoscaler v1(
      Hpa hpa, io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler h) {
    Integer cpu = h.getSpec().getTargetCPUUtilizationPercentage();
    if (cpu != null) {
      positive(SPEC.child("targetCPUUtilizationPercentage"), cpu);
    }
    return of(hpa, cpu);
  }

  public static Autoscaler v2(Hpa hpa, HorizontalPodAutoscaler h, Warnings w) {
    List<Metric> metrics = new ArrayList<>();
    List<MetricSpec> list = h.getSpec().getMetrics();
    for (int i = 0; list != null && i < list.size(); i++) {
      MetricSpec m = list.get(i);
      FieldPath at = METRICS.index(i);
      ResourceMetricSource r = m == null ? null : m.getResource();
      Resource resource = null;
      if (r != null) {
        MetricTarget t = r.getTarget();
        FieldPath rAt = at.child("resource");
        resource =
            new Resource(
                rAt,
                r.getName(),
                t == null ? null : target(rAt, t.getType(), t.getAverageUtilization()));
      }
      metrics.add(new Metric(at, m == null ? null : m.getType(), resource));
    }
    HorizontalPodAutoscalerBehavior behavior = h.getSpec().getBehavior();
    Autoscaler autoscaler = of(hpa, cpuTarget(metrics, w));
    if (behavior == null) {
      return autoscaler;
    }
    return withBehavior(
        autoscaler, rulesV2(behavior.getScaleUp()), rulesV2(behavior.getScaleDown()));
  }

  private static RulesSpec rulesV2(HPAScalingRules r) {
    return r == null
        ? null
        : rulesSpec(
            r.getStabilizationWindowSeconds(),
            r.getSelectPolicy(),
            r.getPolicies(),
            p -> new PolicySpec(p.getType(), p.getValue(), p.getPeriodSeconds()));
  }

  private static RulesSpec rulesV2beta2(
      io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HPAScalingRules r) {
    return r == null
        ? null
        : rulesSpec(
            r.getStabilizationWindowSeconds(),
            r.getSelectPolicy(),
            r.getPolicies(),
            p -> new PolicySpec(p.getType(), p.getValue(), p.getPeriodSeconds()));
  }

  /** The version's rules as one value; a null policy in the list is one with every field unset. */
  private static <P> RulesSpec rulesSpec(
      Integer window, String select, List<P> policies, Function<P, PolicySpec> spec) {
    List<PolicySpec> out = null;
    if (policies != null) {
      out = new ArrayList<>();
      for (P p : policies) {
        out.add(p == null ? new PolicySpec(null, null, null) : spec.apply(p));
      }
    }
    return new RulesSpec(window, select, out);
  }

  public static Autoscaler v2beta2(
      Hpa hpa,
      io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler h,
      Warnings w) {
    List<Metric> metrics = new ArrayList<>();
    var list = h.getSpec().getMetrics();
    for (int i = 0; list != null && i < list.size(); i++) {
      var m = list.get(i);
      FieldPath at = METRICS.index(i);
      var r = m == null ? null : m.getResource();
      Resource resource = null;
      if (r != null) {
        var t = r.getTarget();
        FieldPath rAt = at.child("resource");
        resource =
            new Resource(
                rAt,
                r.getName(),
                t == null ? null : target(rAt, t.getType(), t.getAverageUtilization()));
      }
      metrics.add(new Metric(at, m == null ? null : m.getType(), resource));
    }
    var behavior = h.getSpec().getBehavior();
    Autoscaler autoscaler = of(hpa, cpuTarget(metrics, w));
    if (behavior == null) {
      return autoscaler;
    }
    return withBehavior(
        autoscaler, rulesV2beta2(behavior.getScaleUp()), rulesV2beta2(behavior.getScaleDown()));
  }

  /** v2beta1 has no behavior and spells a Resource target as targetAverage{Utilization,Value}. */
  public static Autoscaler v2beta1(
      Hpa hpa,
      io.fabric8.kubernetes.api.model.autoscaling.v2beta1.HorizontalPodAutoscaler h,
      Warnings w) {
    List<Metric> metrics = new ArrayList<>();
    var list = h.getSpec().getMetrics();
    for (int i = 0; list != null && i < list.size(); i++) {
      var m = list.get(i);
      FieldPath at = METRICS.index(i);
      var r = m == null ? null : m.getResource();
      Resource resource = null;
      if (r != null) {
        FieldPath rAt = at.child("resource");
        Target target = null;
        if (r.getTargetAverageUtilization() != null) {
          target =
              new Target(
                  rAt,
                  UTILIZATION,
                  r.getTargetAverageUtilization(),
                  rAt.child("targetAverageUtilization"));
        } else if (r.getTargetAverageValue() != null) {
          target = new Target(rAt, "AverageValue", null, null);
        } else if ("cpu".equals(r.getName())) {
          throw new FieldError(
              rAt.child("targetAverageUtilization"), "missing (nor is targetAverageValue set)");
        }
        resource = new Resource(rAt, r.getName(), target);
      }
      metrics.add(new Metric(at, m == null ? null : m.getType(), resource));
    }
    return of(hpa, cpuTarget(metrics, w));
  }

  private static Target target(FieldPath resourceAt, String type, Integer utilization) {
    FieldPath at = resourceAt.child("target");
    return new Target(at, type, utilization, at.child("averageUtilization"));
  }

  /**
   * The CPU utilisation the HPA aims at: null when it names no metric (the default then applies
   * without a word). With several CPU targets the lowest wins, as the HPA follows the metric that
   * asks for the most replicas.
   */
  private static Integer cpuTarget(List<Metric> metrics, Warnings w) {
    Integer cpu = null;
    List<Metric> ignored = new ArrayList<>();
    for (Metric m : metrics) {
      Integer utilization = cpuUtilization(m);
      if (utilization == null) {
        ignored.add(m);
      } else {
        cpu = cpu == null ? utilization : Math.min(cpu, utilization);
      }
    }
    String fallback =
        cpu != null
            ? ""
            : "; with no CPU utilisation target the HPA is simulated at "
                + Autoscaler.DEFAULT_CPU_UTILIZATION
                + "% CPU";
    for (Metric m : ignored) {
      w.warn(
          m.at(),
          "only CPU utilisation is modelled: this " + describe(m) + " is ignored" + fallback);
    }
    return cpu;
  }

  /** The metric's CPU utilisation target; null when it is none. Checked as the API server does. */
  private static Integer cpuUtilization(Metric m) {
    if (m.type() == null || m.type().isBlank()) {
      throw new FieldError(m.at().child("type"), "missing");
    }
    if (!METRIC_TYPES.contains(m.type())) {
      throw new FieldError(m.at().child("type"), unknown("metric type", m.type(), METRIC_TYPES));
    }
    if (!m.type().equals("Resource")) {
      return null;
    }
    Resource r = m.resource();
    if (r == null) {
      throw new FieldError(m.at().child("resource"), "missing (the metric type is Resource)");
    }
    if (r.name() == null || r.name().isBlank()) {
      throw new FieldError(r.at().child("name"), "missing");
    }
    if (!r.name().equals("cpu")) {
      return null;
    }
    Target t = r.target();
    if (t == null) {
      throw new FieldError(r.at().child("target"), "missing: a target utilisation or value");
    }
    if (t.type() == null || t.type().isBlank()) {
      throw new FieldError(t.at().child("type"), "missing");
    }
    if (!TARGET_TYPES.contains(t.type())) {
      throw new FieldError(t.at().child("type"), unknown("target type", t.type(), TARGET_TYPES));
    }
    if (!t.type().equals(UTILIZATION)) {
      return null;
    }
    if (t.utilization() == null) {
      throw new FieldError(t.utilizationAt(), "missing (the target type is Utilization)");
    }
    return positive(t.utilizationAt(), t.utilization());
  }

  private static String describe(Metric m) {
    if (!m.type().equals("Resource")) {
      return m.type() + " metric";
    }
    return m.resource().name().equals("cpu")
        ? "CPU target of type " + m.resource().target().type()
        : "Resource metric (" + m.resource().name() + ")";
  }

  private static String unknown(String what, String value, Set<String> allowed) {
    return "unknown " + what + " '" + value + "' (expected one of " + new TreeSet<>(allowed) + ")";
  }

  private static int positive(FieldPath at, int percent) {
    if (percent < 1) {
      throw new FieldError(at, "must be greater than 0, got " + percent);
    }
    return percent;
  }

  private static int stabilizationSeconds(FieldPath rulesAt, int seconds) {
    FieldPath at = rulesAt.child("stabilizationWindowSeconds");
    if (seconds < 0) {
      throw new FieldError(at, "must be greater than or equal to zero, got " + seconds);
    }
    if (seconds > MAX_STABILIZATION_SECONDS) {
      throw new FieldError(
          at, "must be less than or equal to " + MAX_STABILIZATION_SECONDS + ", got " + seconds);
    }
    return seconds;
  }

  /** The autoscaler without a behavior; {@code cpu} is null where the HPA sets none. */
  private static Autoscaler of(Hpa hpa, Integer cpu) {
    int target = cpu == null ? Autoscaler.DEFAULT_CPU_UTILIZATION : cpu;
    return FieldError.guard(
        SPEC,
        () ->
            new Autoscaler(
                hpa.namespace(),
                hpa.name(),
                hpa.targetKind() + "/" + hpa.targetName(),
                hpa.minReplicas(),
                hpa.maxReplicas(),
                target,
                Autoscaler.DEFAULT_STABILIZATION));
  }
}
