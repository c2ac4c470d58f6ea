package io.flotilla.cli.simulate;

import io.flotilla.core.pod.Pod;
import io.flotilla.sim.cluster.Workload;
import io.flotilla.sim.traffic.Traffic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads a simulation starts from, recovered from the pods the manifests give: pods of one
 * owner ({@code Kind/name}) in one namespace are one controller's replicas, the first of them its
 * template. A cluster dump's running pods count toward their workload's replicas, as the manifest
 * reader counts them; those on a node the simulation starts with start bound there ({@link
 * DumpNodes}), the others pending.
 */
final class ManifestWorkloads {
  private ManifestWorkloads() {}

  static List<Workload> of(List<Pod> pods, WorkloadModels models) {
    Map<String, List<Pod>> byOwner = new LinkedHashMap<>();
    for (Pod p : pods) {
      byOwner.computeIfAbsent(p.id().namespace() + " " + p.owner(), k -> new ArrayList<>()).add(p);
    }
    List<Workload> workloads = new ArrayList<>();
    byOwner.forEach(
        (key, replicas) -> {
          Pod first = replicas.get(0);
          String owner = first.owner();
          int slash = owner.indexOf('/');
          String kind = slash < 0 ? "Pod" : owner.substring(0, slash);
          String name = slash < 0 ? owner : owner.substring(slash + 1);
          Pod template = first.withNodeName(null);
          String ns = first.id().namespace();
          WorkloadModels.JobModel job = models.jobs().get(owner);
          Workload w;
          if (job != null) {
            int completions = job.completions() == null ? replicas.size() : job.completions();
            w = Workload.job(ns, name, template, replicas.size(), completions, job.duration());
          } else {
            w = new Workload(ns, name, kindOf(kind), template, replicas.size());
          }
          Traffic load = models.load().get(owner);
          workloads.add(load == null ? w : w.withCpuLoad(load));
        });
    return workloads;
  }

  /**
   * StatefulSets keep their pods' names; everything else is replaced like a Deployment's pods (a
   * ReplicaSet or ReplicationController is one; a bare pod gets no replacement in Kubernetes, which
   * the simulation does not model: it is replaced too).
   */
  private static Workload.Kind kindOf(String kind) {
    return kind.equals("StatefulSet") ? Workload.Kind.STATEFUL_SET : Workload.Kind.DEPLOYMENT;
  }
}
