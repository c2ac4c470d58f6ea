package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.util.function.Function;

/**
 * Reads HorizontalPodAutoscalers of autoscaling/v1 and v2 (and the removed v2beta1/v2beta2): the
 * fields used are the same in every version. minReplicas defaults to 1.
 */
public final class Hpas {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private Hpas() {}

  public static Hpa v1(Document doc, HorizontalPodAutoscaler h) {
    return read(
        doc,
        h.getMetadata(),
        h.getSpec(),
        s -> s.getMinReplicas(),
        s -> s.getMaxReplicas(),
        s -> s.getScaleTargetRef(),
        r -> r.getKind(),
        r -> r.getName());
  }

  public static Hpa v2(
      Document doc, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h) {
    return read(
        doc,
        h.getMetadata(),
        h.getSpec(),
        s -> s.getMinReplicas(),
        s -> s.getMaxReplicas(),
        s -> s.getScaleTargetRef(),
        r -> r.getKind(),
        r -> r.getName());
  }

  public static Hpa v2beta1(
      Document doc, io.fabric8.kubernetes.api.model.autoscaling.v2beta1.HorizontalPodAutoscaler h) {
    return read(
        doc,
        h.getMetadata(),
        h.getSpec(),
        s -> s.getMinReplicas(),
        s -> s.getMaxReplicas(),
        s -> s.getScaleTargetRef(),
        r -> r.getKind(),
        r -> r.getName());
  }

  public static Hpa v2beta2(
      Document doc, io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler h) {
    return read(
        doc,
        h.getMetadata(),
        h.getSpec(),
        s -> s.getMinReplicas(),
        s -> s.getMaxReplicas(),
        s -> s.getScaleTargetRef(),
        r -> r.getKind(),
        r -> r.getName());
  }

  /**
   * The fields every version has, read through accessors: fabric8's per-version classes share no
   * interface.
   */
  private static <S, R> Hpa read(
      Document doc,
      ObjectMeta meta,
      S spec,
      Function<S, Integer> min,
      Function<S, Integer> max,
      Function<S, R> scaleTargetRef,
      Function<R, String> kind,
      Function<R, String> name) {
    if (spec == null) {
      throw new FieldError(SPEC, "missing");
    }
    R ref = scaleTargetRef.apply(spec);
    return of(
        doc,
        meta,
        min.apply(spec),
        max.apply(spec),
        ref == null ? null : kind.apply(ref),
        ref == null ? null : name.apply(ref),
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
