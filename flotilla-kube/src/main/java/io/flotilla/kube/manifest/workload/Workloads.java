package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.util.function.Function;

/**
 * Reads the replica count and pod template of each workload kind: replicas absent means 1; a Job
 * runs {@code parallelism} pods (default 1), at most {@code completions}, none while suspended.
 */
public final class Workloads {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private Workloads() {}

  public static Workload deployment(Document doc, Deployment d) {
    return replicated(
        doc, d.getMetadata(), d.getSpec(), s -> s.getReplicas(), s -> s.getTemplate());
  }

  public static Workload replicaSet(Document doc, ReplicaSet r) {
    return replicated(
        doc, r.getMetadata(), r.getSpec(), s -> s.getReplicas(), s -> s.getTemplate());
  }

  public static Workload statefulSet(Document doc, StatefulSet r) {
    return replicated(
        doc, r.getMetadata(), r.getSpec(), s -> s.getReplicas(), s -> s.getTemplate());
  }

  public static Workload replicationController(Document doc, ReplicationController r) {
    return replicated(
        doc, r.getMetadata(), r.getSpec(), s -> s.getReplicas(), s -> s.getTemplate());
  }

  /** Replicated kinds read alike; fabric8's spec classes share no interface. */
  private static <S> Workload replicated(
      Document doc,
      ObjectMeta meta,
      S spec,
      Function<S, Integer> replicas,
      Function<S, PodTemplateSpec> template) {
    return of(
        doc,
        meta,
        spec == null ? null : replicas.apply(spec),
        spec == null ? null : template.apply(spec),
        true);
  }

  public static Workload job(Document doc, Job job, Warnings warnings) {
    var s = job.getSpec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    int parallelism = nonNegative(SPEC.child("parallelism"), s.getParallelism(), 1);
    int pods = parallelism;
    if (s.getCompletions() != null) {
      pods = Math.min(pods, nonNegative(SPEC.child("completions"), s.getCompletions(), 1));
    }
    if (Boolean.TRUE.equals(s.getSuspend())) {
      warnings.warn(SPEC.child("suspend"), "the Job is suspended: no pods planned");
      pods = 0;
    }
    return of(doc, job.getMetadata(), pods, s.getTemplate(), false);
  }

  private static Workload of(
      Document doc, ObjectMeta meta, Integer replicas, PodTemplateSpec template, boolean scalable) {
    int count = nonNegative(SPEC.child("replicas"), replicas, 1);
    if (template == null) {
      throw new FieldError(SPEC.child("template"), "missing");
    }
    return new Workload(
        doc,
        doc.kind(),
        ObjectNames.namespace(meta),
        ObjectNames.name(meta),
        count,
        scalable,
        SPEC.child("template"),
        template);
  }

  private static int nonNegative(FieldPath at, Integer value, int absent) {
    if (value == null) {
      return absent;
    }
    if (value < 0) {
      throw new FieldError(at, "must not be negative, got " + value);
    }
    return value;
  }
}
