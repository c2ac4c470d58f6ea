package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.util.Optional;

/**
 * A Pod object: bound when spec.nodeName is set (it occupies that node); finished pods (phase
 * Succeeded or Failed) are skipped with a warning. Its owner is its controller's "Kind/name" when
 * it has one, else "Pod/name".
 */
public final class BarePods {
  private BarePods() {}

  /** The pod, or empty when it is skipped. */
  public static Optional<Pod> convert(
      io.fabric8.kubernetes.api.model.Pod pod, PodConverter converter, Warnings w) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
      w.warn(FieldPath.of("status", "phase"), "the pod has finished (" + phase + "); skipped");
      return Optional.empty();
    }
    var meta = pod.getMetadata();
    String name = ObjectNames.name(meta);
    String owner = null;
    if (meta != null && meta.getOwnerReferences() != null) {
      for (OwnerReference ref : meta.getOwnerReferences()) {
        if (Boolean.TRUE.equals(ref.getController())) {
          owner = ref.getKind() + "/" + ref.getName();
        }
      }
    }
    var spec = pod.getSpec();
    String node =
        spec == null || spec.getNodeName() == null || spec.getNodeName().isBlank()
            ? null
            : spec.getNodeName();
    PodId id = new PodId(ObjectNames.namespace(meta), name);
    return Optional.of(converter.convert(FieldPath.ROOT, meta, spec, id, owner, node, w));
  }
}
