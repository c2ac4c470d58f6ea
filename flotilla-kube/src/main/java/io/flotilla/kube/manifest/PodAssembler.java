package io.flotilla.kube.manifest;

import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import io.flotilla.kube.manifest.workload.BarePods;
import io.flotilla.kube.manifest.workload.DaemonSets;
import io.flotilla.kube.manifest.workload.Hpa;
import io.flotilla.kube.manifest.workload.PodConverter;
import io.flotilla.kube.manifest.workload.ReplicaResolver;
import io.flotilla.kube.manifest.workload.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns bare pods, workloads (replicas set by their HPA and the replica policy, pods named {@code
 * <name>-<i>}) and DaemonSets into core values. A later definition of the same object replaces an
 * earlier one; a pod id produced twice keeps the first.
 */
final class PodAssembler {
  private final ReadOptions options;
  private final Diagnostics diag;

  PodAssembler(ReadOptions options, Diagnostics diag) {
    this.options = options;
    this.diag = diag;
  }

  List<Pod> pods(Inventory inv, PodConverter converter) {
    LastWins<Inventory.PodSource> sources = new LastWins<>(diag);
    inv.podSources.forEach(s -> sources.put(s.key(), s.doc().subject(), s.doc(), s));
    ReplicaResolver resolver = resolver(inv);
    List<Pod> pods = new ArrayList<>();
    Map<PodId, String> owners = new HashMap<>();
    for (Inventory.PodSource s : sources.values()) {
      Warnings w = diag.forDocument(s.doc());
      for (Pod pod : s.doc().within(() -> produce(s, converter, resolver, w))) {
        String previous = owners.putIfAbsent(pod.id(), pod.owner());
        if (previous == null) {
          pods.add(pod);
        } else {
          w.warn(FieldPath.ROOT, "pod " + pod.id() + " is also made by " + previous + "; skipped");
        }
      }
    }
    return pods;
  }

  List<DaemonSet> daemonSets(Inventory inv, PodConverter converter) {
    LastWins<DaemonSet> result = new LastWins<>(diag);
    for (var d : inv.daemonSets) {
      Warnings w = diag.forDocument(d.doc());
      DaemonSet ds = d.doc().within(() -> DaemonSets.convert(d.value(), converter, w));
      result.put(ds.namespace() + "/" + ds.name(), d.doc().subject(), d.doc(), ds);
    }
    return result.values();
  }

  /** Every namespace the input mentions, for a namespaceSelector ("all namespaces"). */
  static Set<String> namespaces(Inventory inv) {
    Set<String> namespaces = new TreeSet<>();
    inv.podSources.forEach(s -> namespaces.add(s.key().split("/")[1]));
    inv.daemonSets.forEach(d -> namespaces.add(ObjectNames.namespace(d.value().getMetadata())));
    return namespaces;
  }

  private ReplicaResolver resolver(Inventory inv) {
    Set<String> scalable = new HashSet<>();
    Set<String> unscalable = new HashSet<>();
    for (Inventory.PodSource s : inv.podSources) {
      if (s.workload() != null) {
        (s.workload().scalable() ? scalable : unscalable).add(s.key());
      }
    }
    for (var d : inv.daemonSets) {
      String ns = ObjectNames.namespace(d.value().getMetadata());
      unscalable.add(Workload.key("DaemonSet", ns, d.doc().name()));
    }
    LastWins<Hpa> hpas = new LastWins<>(diag);
    inv.hpas.forEach(h -> hpas.put(h.namespace() + "/" + h.name(), h.doc().subject(), h.doc(), h));
    return new ReplicaResolver(options.replicasAt(), hpas.values(), scalable, unscalable, diag);
  }

  private List<Pod> produce(
      Inventory.PodSource s, PodConverter converter, ReplicaResolver resolver, Warnings w) {
    if (s.pod() != null) {
      return BarePods.convert(s.pod(), converter, w).map(List::of).orElse(List.of());
    }
    Workload wl = s.workload();
    int replicas = resolver.replicas(wl, diag);
    if (replicas == 0) {
      return List.of();
    }
    var spec = wl.template().getSpec();
    Pod first =
        converter.convert(
            wl.templateAt(),
            wl.template().getMetadata(),
            spec,
            new PodId(wl.namespace(), wl.name() + "-0"),
            wl.owner(),
            spec == null ? null : spec.getNodeName(),
            w);
    List<Pod> pods = new ArrayList<>(replicas);
    for (int i = 0; i < replicas; i++) {
      pods.add(first.withId(new PodId(wl.namespace(), wl.name() + "-" + i)));
    }
    return pods;
  }
}
