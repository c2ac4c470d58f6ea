package io.flotilla.kube.manifest.values;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;

/**
 * metadata.name (or generateName), metadata.namespace ("default" when absent) and the controller
 * ownerReference.
 */
public final class ObjectNames {
  private static final FieldPath NAME = FieldPath.of("metadata", "name");

  private ObjectNames() {}

  public static String name(ObjectMeta meta) {
    if (meta != null && meta.getName() != null && !meta.getName().isBlank()) {
      return meta.getName();
    }
    if (meta != null && meta.getGenerateName() != null && !meta.getGenerateName().isBlank()) {
      return meta.getGenerateName();
    }
    throw new FieldError(NAME, "missing");
  }

  /** The controller ownerReference as "Kind/name", or null when there is none. */
  public static String controller(ObjectMeta meta) {
    String controller = null;
    if (meta != null && meta.getOwnerReferences() != null) {
      for (OwnerReference ref : meta.getOwnerReferences()) {
        if (ref != null && Boolean.TRUE.equals(ref.getController())) {
          controller = ref.getKind() + "/" + ref.getName();
        }
      }
    }
    return controller;
  }

  public static String namespace(ObjectMeta meta) {
    String ns = meta == null ? null : meta.getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }
}
