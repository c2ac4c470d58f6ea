package io.flotilla.kube.manifest.workload;

import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Toleration;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.util.ArrayList;
import java.util.List;

/**
 * A DaemonSet's pod template as core DaemonSet overhead. Its pods get the tolerations the DaemonSet
 * controller adds to every daemon pod (node conditions, unschedulable, and network-unavailable with
 * hostNetwork).
 */
public final class DaemonSets {
  private static final FieldPath TEMPLATE = FieldPath.of("spec", "template");
  private static final List<Toleration> DAEMON_TOLERATIONS =
      List.of(
          new Toleration("node.kubernetes.io/not-ready", true, "", Effect.NO_EXECUTE),
          new Toleration("node.kubernetes.io/unreachable", true, "", Effect.NO_EXECUTE),
          new Toleration("node.kubernetes.io/disk-pressure", true, "", Effect.NO_SCHEDULE),
          new Toleration("node.kubernetes.io/memory-pressure", true, "", Effect.NO_SCHEDULE),
          new Toleration("node.kubernetes.io/pid-pressure", true, "", Effect.NO_SCHEDULE),
          new Toleration("node.kubernetes.io/unschedulable", true, "", Effect.NO_SCHEDULE));
  private static final Toleration NETWORK_UNAVAILABLE =
      new Toleration("node.kubernetes.io/network-unavailable", true, "", Effect.NO_SCHEDULE);

  private DaemonSets() {}

  public static DaemonSet convert(
      io.fabric8.kubernetes.api.model.apps.DaemonSet ds, PodConverter converter, Warnings w) {
    var spec = ds.getSpec();
    if (spec == null || spec.getTemplate() == null) {
      throw new FieldError(spec == null ? TEMPLATE.parent() : TEMPLATE, "missing");
    }
    String namespace = ObjectNames.namespace(ds.getMetadata());
    String name = ObjectNames.name(ds.getMetadata());
    var template = spec.getTemplate();
    Pod pod =
        converter.convert(
            TEMPLATE,
            template.getMetadata(),
            template.getSpec(),
            new PodId(namespace, name),
            "DaemonSet/" + name,
            null,
            w);
    List<Toleration> tolerations = new ArrayList<>(pod.tolerations());
    tolerations.addAll(DAEMON_TOLERATIONS);
    if (Boolean.TRUE.equals(template.getSpec().getHostNetwork())) {
      tolerations.add(NETWORK_UNAVAILABLE);
    }
    Pod withTolerations =
        new Pod(
            pod.id(),
            pod.labels(),
            pod.requests(),
            pod.nodeAffinity(),
            tolerations,
            pod.topologySpread(),
            pod.antiAffinity(),
            pod.affinity(),
            pod.architectures(),
            pod.hostPorts(),
            pod.owner(),
            pod.nodeName(),
            pod.unresolvedImages());
    return new DaemonSet(namespace, name, withTolerations);
  }
}
