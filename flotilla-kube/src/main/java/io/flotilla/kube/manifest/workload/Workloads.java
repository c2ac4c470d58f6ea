package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the replica count, pod template, pod selector and controller of each workload kind:
 * replicas absent means 1; a Job runs {@code parallelism} pods (default 1), at most {@code
 * completions}, none while suspended.
 */
public final class Workloads {
  private static final FieldPath SPEC = FieldPath.of("spec");

  private Workloads() {}

  public static Workload deployment(Document doc, Deployment d) {
    return replicated(
        doc,
        d.getMetadata(),
        d.getSpec(),
        new SpecReader<>(s -> s.getReplicas(), s -> s.getTemplate(), s -> s.getSelector()));
  }

  public static Workload replicaSet(Document doc, ReplicaSet r) {
    return replicated(
        doc,
        r.getMetadata(),
        r.getSpec(),
        new SpecReader<>(s -> s.getReplicas(), s -> s.getTemplate(), s -> s.getSelector()));
  }

  public static Workload statefulSet(Document doc, StatefulSet r) {
    return replicated(
        doc,
        r.getMetadata(),
        r.getSpec(),
        new SpecReader<>(s -> s.getReplicas(), s -> s.getTemplate(), s -> s.getSelector()));
  }

  public static Workload replicationController(Document doc, ReplicationController r) {
    return replicated(
        doc,
        r.getMetadata(),
        r.getSpec(),
        new SpecReader<>(
            s -> s.getReplicas(),
            s -> s.getTemplate(),
            s ->
                s.getSelector() == null
                    ? null
                    : new io.fabric8.kubernetes.api.model.LabelSelector(
                        List.of(), s.getSelector())));
  }

  /** How to read a replicated kind's spec; fabric8's spec classes share no interface. */
  private record SpecReader<S>(
      Function<S, Integer> replicas,
      Function<S, PodTemplateSpec> template,
      Function<S, io.fabric8.kubernetes.api.model.LabelSelector> selector) {}

  private static <S> Workload replicated(
      Document doc, ObjectMeta meta, S spec, SpecReader<S> read) {
    return of(
        doc,
        meta,
        spec == null ? null : read.replicas().apply(spec),
        spec == null ? null : read.template().apply(spec),
        true,
        spec == null ? null : read.selector().apply(spec));
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
    return of(doc, job.getMetadata(), pods, s.getTemplate(), false, s.getSelector());
  }

  private static Workload of(
      Document doc,
      ObjectMeta meta,
      Integer replicas,
      PodTemplateSpec template,
      boolean scalable,
      io.fabric8.kubernetes.api.model.LabelSelector selector) {
    int count = nonNegative(SPEC.child("replicas"), replicas, 1);
    if (template == null) {
      throw new FieldError(SPEC.child("template"), "missing");
    }
    LabelSelector podSelector =
        selector == null ? null : LabelSelectors.convert(SPEC.child("selector"), selector);
    return new Workload(
        doc,
        doc.kind(),
        ObjectNames.namespace(meta),
        ObjectNames.name(meta),
        count,
        scalable,
        SPEC.child("template"),
        template,
        new Workload.Links(podSelector, ObjectNames.controller(meta)));
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
