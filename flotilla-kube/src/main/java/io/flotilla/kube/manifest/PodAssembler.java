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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns bare pods, workloads (replicas set by their HPA and the replica policy) and DaemonSets into
 * core values. A later definition of the same object replaces an earlier one.
 *
 * <p>Cluster dumps plan as they are: the pods a workload in the input already has (see {@link
 * PodOwners}) count toward its replicas. They keep their own names and specs (bound ones stay
 * bound, pending ones stay pending) and only the missing replicas are added, named {@code
 * <name>-<i>} with the lowest {@code i} no pod of the input uses. More pods than replicas are all
 * kept, with a warning. A DaemonSet's pods are its overhead when the DaemonSet is in the input, so
 * they are dropped; otherwise a bound one stays as load on its node and a pending one is skipped
 * with a warning. A ReplicaSet whose Deployment is in the input adds no pods of its own.
 */
final class PodAssembler {
  private final ReadOptions options;
  private final Diagnostics diag;

  PodAssembler(ReadOptions options, Diagnostics diag) {
    this.options = options;
    this.diag = diag;
  }

  /**
   * The input's existing pods as they relate to its controllers: each unfinished pod's link (by
   * identity), the pods each workload already has (by workload key), and every pod name in use.
   * Filled once by {@link #existing}; new replicas then add the names they take.
   */
  private static final class Existing {
    final Map<Inventory.PodSource, PodOwners.Link> links = new IdentityHashMap<>();
    final Map<String, List<Inventory.PodSource>> byWorkload = new HashMap<>();
    final Set<PodId> taken = new HashSet<>();
  }

  List<Pod> pods(Inventory inv, PodConverter converter) {
    LastWins<Inventory.PodSource> latest = new LastWins<>(diag);
    inv.podSources.forEach(s -> latest.put(s.key(), s.doc().subject(), s.doc(), s));
    List<Inventory.PodSource> sources = latest.values();
    ReplicaResolver resolver = resolver(inv);
    PodOwners owners = new PodOwners(workloads(sources), daemonSetNames(inv));
    Existing existing = existing(sources, owners);
    Replicas replicas = new Replicas(converter, existing.taken);
    List<Pod> pods = new ArrayList<>();
    for (Inventory.PodSource s : sources) {
      if (s.pod() != null) {
        PodOwners.Link link = existing.links.get(s);
        if (link != null && keepsItsOwnPlace(s, link)) {
          pods.add(bare(s, converter, null));
        }
      } else if (owners.managingDeployment(s.workload()) == null) {
        List<Inventory.PodSource> running =
            existing.byWorkload.getOrDefault(s.workload().key(), List.of());
        pods.addAll(workloadPods(s, running, resolver, replicas));
      }
    }
    return pods;
  }

  private Existing existing(List<Inventory.PodSource> sources, PodOwners owners) {
    Existing existing = new Existing();
    for (Inventory.PodSource s : sources) {
      if (s.pod() == null) {
        continue;
      }
      var meta = s.pod().getMetadata();
      existing.taken.add(
          s.doc().within(() -> new PodId(ObjectNames.namespace(meta), ObjectNames.name(meta))));
      if (!BarePods.finished(s.pod(), diag.forDocument(s.doc()))) {
        PodOwners.Link link = owners.of(s.pod());
        existing.links.put(s, link);
        if (link.kind() == PodOwners.Kind.WORKLOAD) {
          existing.byWorkload.computeIfAbsent(link.workload().key(), k -> new ArrayList<>()).add(s);
        }
      }
    }
    return existing;
  }

  /** Whether a bare pod is planned where it stands (not as a workload's or DaemonSet's pod). */
  private boolean keepsItsOwnPlace(Inventory.PodSource s, PodOwners.Link link) {
    return switch (link.kind()) {
      case NONE -> true;
      case WORKLOAD, DAEMON_SET -> false;
      case ABSENT_DAEMON_SET -> {
        if (BarePods.nodeName(s.pod()) != null) {
          yield true;
        }
        diag.forDocument(s.doc())
            .warn(
                FieldPath.ROOT,
                "a pending pod of "
                    + ObjectNames.controller(s.pod().getMetadata())
                    + ", which is not in the input: a DaemonSet places its own pods; skipped");
        yield false;
      }
    };
  }

  private Pod bare(Inventory.PodSource s, PodConverter converter, String owner) {
    Warnings w = diag.forDocument(s.doc());
    return s.doc().within(() -> BarePods.convert(s.pod(), converter, owner, w));
  }

  /** A workload's pods: those it already has, then the replicas it still misses. */
  private List<Pod> workloadPods(
      Inventory.PodSource s,
      List<Inventory.PodSource> running,
      ReplicaResolver resolver,
      Replicas replicas) {
    Workload wl = s.workload();
    int wanted = resolver.replicas(wl, diag);
    List<Pod> pods = new ArrayList<>();
    for (Inventory.PodSource pod : running) {
      pods.add(bare(pod, replicas.converter, wl.owner()));
    }
    if (running.size() > wanted) {
      diag.forDocument(s.doc())
          .warn(
              FieldPath.ROOT,
              wanted
                  + " replicas planned but the input holds "
                  + running.size()
                  + " pods of it: all of them are kept");
    }
    int missing = wanted - running.size();
    if (missing > 0) {
      Warnings w = diag.forDocument(s.doc());
      pods.addAll(s.doc().within(() -> replicas.make(wl, missing, w)));
    }
    return pods;
  }

  /** Makes a workload's new replicas under names no pod of the input uses. */
  private static final class Replicas {
    private final PodConverter converter;
    private final Set<PodId> taken;

    Replicas(PodConverter converter, Set<PodId> taken) {
      this.converter = converter;
      this.taken = taken;
    }

    List<Pod> make(Workload wl, int count, Warnings w) {
      List<Pod> pods = new ArrayList<>(count);
      int next = 0;
      Pod first = null;
      while (pods.size() < count) {
        PodId id = new PodId(wl.namespace(), wl.name() + "-" + next++);
        if (!taken.add(id)) {
          continue;
        }
        if (first == null) {
          var spec = wl.template().getSpec();
          first =
              converter.convert(
                  wl.templateAt(),
                  wl.template().getMetadata(),
                  spec,
                  id,
                  wl.owner(),
                  spec == null ? null : spec.getNodeName(),
                  w);
          pods.add(first);
        } else {
          pods.add(first.withId(id));
        }
      }
      return pods;
    }
  }

  private static List<Workload> workloads(List<Inventory.PodSource> sources) {
    List<Workload> result = new ArrayList<>();
    sources.forEach(
        s -> {
          if (s.workload() != null) {
            result.add(s.workload());
          }
        });
    return result;
  }

  private static Set<String> daemonSetNames(Inventory inv) {
    Set<String> names = new HashSet<>();
    inv.daemonSets.forEach(
        d -> names.add(ObjectNames.namespace(d.value().getMetadata()) + "/" + d.doc().name()));
    return names;
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
}
