package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import io.flotilla.sim.traffic.Traffic;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A controller that keeps pods of a template: a Deployment keeps {@code replicas} and replaces a
 * pod as soon as it starts terminating (its ReplicaSet no longer counts it); a StatefulSet only
 * once it is gone, under the same name. A Job runs {@code replicas} pods at a time (its
 * parallelism) until {@code completions} have completed, each {@code runFor} after it started
 * running (none: it runs until the simulation ends, as a streaming job's JobManager does); a pod
 * lost with its node or evicted is replaced and starts its run again (restartPolicy OnFailure).
 *
 * <p>{@code cpuLoad}, when present, is the CPU (cores, in total) the workload's running pods are
 * asked for over time; they share it equally, which is what a HorizontalPodAutoscaler sees.
 */
public record Workload(
    String namespace,
    String name,
    Kind kind,
    Pod template,
    int replicas,
    int completions,
    Duration runFor,
    Optional<Traffic> cpuLoad) {
  public enum Kind {
    DEPLOYMENT,
    STATEFUL_SET,
    JOB
  }

  public Workload {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(cpuLoad, "cpuLoad");
    if (replicas < 0) {
      throw new IllegalArgumentException(name + ": negative replicas " + replicas);
    }
    if (kind != Kind.JOB && runFor != null) {
      throw new IllegalArgumentException(name + ": only a Job's pods run for a set time");
    }
    if (runFor != null && (runFor.isNegative() || runFor.isZero())) {
      throw new IllegalArgumentException(name + ": a Job's run time must be positive: " + runFor);
    }
    if (completions < 0) {
      throw new IllegalArgumentException(name + ": negative completions " + completions);
    }
  }

  /**
   * A Deployment or StatefulSet of {@code replicas} pods without a CPU load; for {@link Kind#JOB},
   * {@code replicas} pods that run until the simulation ends.
   */
  public Workload(String namespace, String name, Kind kind, Pod template, int replicas) {
    this(
        namespace,
        name,
        kind,
        template,
        replicas,
        kind == Kind.JOB ? replicas : 0,
        null,
        Optional.empty());
  }

  /** A Job: {@code parallelism} pods at a time, each done {@code runFor} after it starts. */
  public static Workload job(
      String namespace,
      String name,
      Pod template,
      int parallelism,
      int completions,
      Duration runFor) {
    Objects.requireNonNull(runFor, "runFor");
    return new Workload(
        namespace, name, Kind.JOB, template, parallelism, completions, runFor, Optional.empty());
  }

  /** The owner its pods carry ({@code Kind/name}, e.g. {@code Deployment/web}): the template's. */
  public String owner() {
    return template.owner();
  }

  public Workload withReplicas(int count) {
    return new Workload(namespace, name, kind, template, count, completions, runFor, cpuLoad);
  }

  public Workload withCpuLoad(Traffic load) {
    return new Workload(
        namespace, name, kind, template, replicas, completions, runFor, Optional.of(load));
  }
}
