package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.ObjectNames;

/**
 * Reads HorizontalPodAutoscalers of autoscaling/v1 and v2 (and the removed v2beta1/v2beta2): the
 * fields used are the same in every version. minReplicas defaults to 1.
 */
public final class Hpas {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private Hpas() {}

  public static Hpa v1(Document doc, HorizontalPodAutoscaler h) {
    var s = h.getSpec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    var ref = s.getScaleTargetRef();
    return of(
        doc,
        h.getMetadata(),
        s.getMinReplicas(),
        s.getMaxReplicas(),
        ref == null ? null : ref.getKind(),
        ref == null ? null : ref.getName(),
        ref != null);
  }

  public static Hpa v2(
      Document doc, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h) {
    var s = h.getSpec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    var ref = s.getScaleTargetRef();
    return of(
        doc,
        h.getMetadata(),
        s.getMinReplicas(),
        s.getMaxReplicas(),
        ref == null ? null : ref.getKind(),
        ref == null ? null : ref.getName(),
        ref != null);
  }

  public static Hpa v2beta1(
      Document doc, io.fabric8.kubernetes.api.model.autoscaling.v2beta1.HorizontalPodAutoscaler h) {
    var s = h.getSpec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    var ref = s.getScaleTargetRef();
    return of(
        doc,
        h.getMetadata(),
        s.getMinReplicas(),
        s.getMaxReplicas(),
        ref == null ? null : ref.getKind(),
        ref == null ? null : ref.getName(),
        ref != null);
  }

  public static Hpa v2beta2(
      Document doc, io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler h) {
    var s = h.getSpec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    var ref = s.getScaleTargetRef();
    return of(
        doc,
        h.getMetadata(),
        s.getMinReplicas(),
        s.getMaxReplicas(),
        ref == null ? null : ref.getKind(),
        ref == null ? null : ref.getName(),
        ref != null);
  }

  private static Hpa of(
      Document doc,
      ObjectMeta meta,
      Integer min,
      Integer max,
      String kind,
      String name,
      boolean hasRef) {
    FieldPath ref = SPEC.child("scaleTargetRef");
    if (!hasRef) {
      throw new FieldError(ref, "missing");
    }
    if (kind == null || kind.isBlank()) {
      throw new FieldError(ref.child("kind"), "missing");
    }
    if (name == null || name.isBlank()) {
      throw new FieldError(ref.child("name"), "missing");
    }
    if (max == null) {
      throw new FieldError(SPEC.child("maxReplicas"), "missing");
    }
    if (max < 1) {
      throw new FieldError(SPEC.child("maxReplicas"), "must be at least 1, got " + max);
    }
    int low = min == null ? 1 : min;
    if (low < 0 || low > max) {
      throw new FieldError(
          SPEC.child("minReplicas"), "must be 0.." + max + " (maxReplicas), got " + low);
    }
    return new Hpa(doc, ObjectNames.namespace(meta), ObjectNames.name(meta), low, max, kind, name);
  }
}
