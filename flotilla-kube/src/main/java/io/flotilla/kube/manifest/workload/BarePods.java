package io.flotilla.kube.manifest.workload;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;

/**
 * A Pod object: bound when spec.nodeName is set (it occupies that node). Finished pods (phase
 * Succeeded or Failed) hold nothing and are skipped with a warning.
 */
public final class BarePods {
  private BarePods() {}

  /** Whether the pod has finished; says so when it has. */
  public static boolean finished(io.fabric8.kubernetes.api.model.Pod pod, Warnings w) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      w.warn(FieldPath.of("status", "phase"), "the pod has finished (" + phase + "); skipped");
      return true;
    }
    return false;
  }

  /** The node the pod is bound to, or null when it is pending. */
  public static String nodeName(io.fabric8.kubernetes.api.model.Pod pod) {
    var spec = pod.getSpec();
    return spec == null || spec.getNodeName() == null || spec.getNodeName().isBlank()
        ? null
        : spec.getNodeName();
  }

  /**
   * The pod under its own name, owned by {@code owner} ("Kind/name"); null owner: its controller
   * when it has one, else the pod itself.
   */
  public static Pod convert(
      io.fabric8.kubernetes.api.model.Pod pod, PodConverter converter, String owner, Warnings w) {
    var meta = pod.getMetadata();
    String by = owner != null ? owner : ObjectNames.controller(meta);
    PodId id = new PodId(ObjectNames.namespace(meta), ObjectNames.name(meta));
    return converter.convert(FieldPath.ROOT, meta, pod.getSpec(), id, by, nodeName(pod), w);
  }
}
