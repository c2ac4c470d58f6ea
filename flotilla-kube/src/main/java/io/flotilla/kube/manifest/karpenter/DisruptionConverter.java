package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.CronSchedule;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A NodePool's disruption settings. v1: WhenEmpty or WhenEmptyOrUnderutilized (default),
 * consolidateAfter (default 0s, "Never" = never), expireAfter on the template (default 720h).
 * v1beta1: WhenEmpty or WhenUnderutilized, expireAfter under disruption. Budgets default to 10%.
 */
final class DisruptionConverter {
  private static final FieldPath DISRUPTION = FieldPath.of("spec", "disruption");
  private static final FieldPath TEMPLATE = FieldPath.of("spec", "template", "spec");
  private static final Duration DEFAULT_EXPIRY = Duration.ofHours(720);
  private static final Set<String> REASONS = Set.of("Underutilized", "Empty", "Drifted");

  private DisruptionConverter() {}

  static Disruption convert(
      boolean v1, NodePoolDoc.Disruption d, NodePoolDoc.TemplateSpec t, Warnings w) {
    String policy = d == null ? null : d.consolidationPolicy();
    ConsolidationPolicy cp = policy(policy, v1);
    String after = d == null ? null : d.consolidateAfter();
    if (!v1 && after != null && cp != ConsolidationPolicy.WHEN_EMPTY) {
      throw new FieldError(
          DISRUPTION.child("consolidateAfter"),
          "v1beta1 allows it only with consolidationPolicy WhenEmpty");
    }
    Duration consolidateAfter =
        GoDuration.parse(DISRUPTION.child("consolidateAfter"), after, Duration.ZERO);
    Duration expire = expireAfter(v1, d, t, w);
    Duration grace =
        GoDuration.parse(
            TEMPLATE.child("terminationGracePeriod"), t.terminationGracePeriod(), null);
    List<Budget> budgets =
        d == null || d.budgets() == null ? List.of(Budget.DEFAULT) : budgets(d.budgets());
    return new Disruption(cp, consolidateAfter, expire, grace, budgets);
  }

  private static ConsolidationPolicy policy(String policy, boolean v1) {
    String underutilized = v1 ? "WhenEmptyOrUnderutilized" : "WhenUnderutilized";
    if (policy == null || policy.equals(underutilized)) {
      return ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED;
    }
    if (policy.equals("WhenEmpty")) {
      return ConsolidationPolicy.WHEN_EMPTY;
    }
    throw new FieldError(
        DISRUPTION.child("consolidationPolicy"),
        "unknown consolidationPolicy '"
            + policy
            + "' (expected WhenEmpty or "
            + underutilized
            + ")");
  }

  private static Duration expireAfter(
      boolean v1, NodePoolDoc.Disruption d, NodePoolDoc.TemplateSpec t, Warnings w) {
    String onTemplate = t.expireAfter();
    String onDisruption = d == null ? null : d.expireAfter();
    FieldPath templateAt = TEMPLATE.child("expireAfter");
    FieldPath disruptionAt = DISRUPTION.child("expireAfter");
    if (v1 && onDisruption != null) {
      w.warn(disruptionAt, "karpenter.sh/v1 reads expireAfter from spec.template.spec");
    } else if (!v1 && onTemplate != null) {
      w.warn(templateAt, "karpenter.sh/v1beta1 reads expireAfter from spec.disruption");
    }
    if (onTemplate != null && (v1 || onDisruption == null)) {
      return GoDuration.parse(templateAt, onTemplate, DEFAULT_EXPIRY);
    }
    return GoDuration.parse(disruptionAt, onDisruption, DEFAULT_EXPIRY);
  }

  private static List<Budget> budgets(List<NodePoolDoc.Budget> list) {
    List<Budget> result = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      FieldPath at = DISRUPTION.child("budgets").index(i);
      NodePoolDoc.Budget b = list.get(i);
      if ((b.schedule() == null) != (b.duration() == null)) {
        throw new FieldError(at, "schedule and duration must be set together");
      }
      List<String> reasons = b.reasons() == null ? List.of() : b.reasons();
      for (int r = 0; r < reasons.size(); r++) {
        if (!REASONS.contains(reasons.get(r))) {
          throw new FieldError(
              at.child("reasons").index(r),
              "unknown reason '" + reasons.get(r) + "' (expected Underutilized, Empty or Drifted)");
        }
      }
      Duration duration = GoDuration.parse(at.child("duration"), b.duration(), null);
      CronSchedule schedule =
          b.schedule() == null
              ? null
              : FieldError.guard(at.child("schedule"), () -> CronSchedule.parse(b.schedule()));
      result.add(
          FieldError.guard(
              at.child("nodes"),
              () -> new Budget(b.nodes(), schedule, duration, Set.copyOf(reasons))));
    }
    return result;
  }
}
