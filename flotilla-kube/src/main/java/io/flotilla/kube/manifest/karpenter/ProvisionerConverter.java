package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Budget;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.Disruption.ConsolidationPolicy;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A v1alpha5 Provisioner as a NodePool. Requirements get the defaults Karpenter's webhook added
 * (linux, amd64, on-demand, and c/m/r generation > 2 when nothing narrows the instance types).
 * consolidation.enabled means WhenEmptyOrUnderutilized, ttlSecondsAfterEmpty WhenEmpty after that
 * long, neither no consolidation; ttlSecondsUntilExpired is expireAfter (absent: never). Budgets
 * are the 10% default, as Karpenter's v1beta1 conversion gave them.
 */
public final class ProvisionerConverter {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private ProvisionerConverter() {}

  public static NodePool convert(ProvisionerDoc p, Map<String, NodeClass> templates, Warnings w) {
    String name = ObjectNames.name(p.metadata());
    ProvisionerDoc.Spec s = p.spec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    List<Requirement> requirements =
        withDefaults(RequirementSpec.convertAll(SPEC.child("requirements"), s.requirements()));
    return new NodePool(
        name,
        PoolFields.weight(SPEC.child("weight"), s.weight()),
        new Requirements(requirements),
        PoolFields.labels(SPEC.child("labels"), s.labels()),
        PoolFields.taints(SPEC.child("taints"), s.taints()),
        PoolFields.taints(SPEC.child("startupTaints"), s.startupTaints()),
        PoolFields.limits(
            SPEC.child("limits").child("resources"),
            s.limits() == null ? null : s.limits().resources(),
            w),
        null,
        KubeletConverter.convert(SPEC.child("kubeletConfiguration"), s.kubeletConfiguration()),
        disruption(s),
        nodeClass(s, templates, w),
        NodePool.Api.V1ALPHA5);
  }

  private static List<Requirement> withDefaults(List<Requirement> given) {
    Requirements r = new Requirements(given);
    List<Requirement> all = new ArrayList<>(given);
    if (!r.constrains(WellKnownLabels.OS)) {
      all.add(Requirement.in(WellKnownLabels.OS, "linux"));
    }
    if (!r.constrains(WellKnownLabels.ARCH)) {
      all.add(Requirement.in(WellKnownLabels.ARCH, "amd64"));
    }
    if (!r.constrains(WellKnownLabels.CAPACITY_TYPE)) {
      all.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"));
    }
    if (!r.constrains(WellKnownLabels.INSTANCE_TYPE)
        && !r.constrains(WellKnownLabels.INSTANCE_FAMILY)
        && !r.constrains(WellKnownLabels.INSTANCE_CATEGORY)
        && !r.constrains(WellKnownLabels.INSTANCE_GENERATION)) {
      all.add(Requirement.in(WellKnownLabels.INSTANCE_CATEGORY, "c", "m", "r"));
      all.add(new Requirement(WellKnownLabels.INSTANCE_GENERATION, Operator.GT, Set.of("2"), null));
    }
    return all;
  }

  private static Disruption disruption(ProvisionerDoc.Spec s) {
    Duration expire = seconds(SPEC.child("ttlSecondsUntilExpired"), s.ttlSecondsUntilExpired());
    Duration afterEmpty = seconds(SPEC.child("ttlSecondsAfterEmpty"), s.ttlSecondsAfterEmpty());
    boolean consolidate =
        s.consolidation() != null && Boolean.TRUE.equals(s.consolidation().enabled());
    List<Budget> budgets = List.of(Budget.DEFAULT);
    if (consolidate && afterEmpty != null) {
      throw new FieldError(
          SPEC.child("ttlSecondsAfterEmpty"), "cannot be combined with consolidation.enabled");
    }
    if (consolidate) {
      return new Disruption(
          ConsolidationPolicy.WHEN_EMPTY_OR_UNDERUTILIZED, Duration.ZERO, expire, null, budgets);
    }
    if (afterEmpty != null) {
      return new Disruption(ConsolidationPolicy.WHEN_EMPTY, afterEmpty, expire, null, budgets);
    }
    return new Disruption(ConsolidationPolicy.NONE, null, expire, null, budgets);
  }

  private static Duration seconds(FieldPath at, Long value) {
    if (value == null) {
      return null;
    }
    if (value < 0) {
      throw new FieldError(at, "must not be negative, got " + value);
    }
    return Duration.ofSeconds(value);
  }

  private static NodeClass nodeClass(
      ProvisionerDoc.Spec s, Map<String, NodeClass> templates, Warnings w) {
    if (s.providerRef() != null && s.provider() != null) {
      throw new FieldError(SPEC.child("provider"), "cannot be combined with providerRef");
    }
    if (s.provider() != null) {
      return NodeClassConverter.awsNodeTemplate(
          "provider", SPEC.child("provider"), s.provider(), null);
    }
    if (s.providerRef() == null || s.providerRef().name() == null) {
      w.warn(SPEC, "no providerRef: default node class assumed");
      return NodeClass.defaults("default");
    }
    NodeClass found = templates.get(s.providerRef().name());
    if (found == null) {
      w.warn(
          SPEC.child("providerRef").child("name"),
          "AWSNodeTemplate '" + s.providerRef().name() + "' is not in the input: defaults assumed");
      return NodeClass.defaults(s.providerRef().name());
    }
    return found;
  }
}
