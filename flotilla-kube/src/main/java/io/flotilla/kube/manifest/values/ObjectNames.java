package io.flotilla.kube.manifest.values;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;

/** metadata.name (or generateName) and metadata.namespace ("default" when absent). */
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

  public static String namespace(ObjectMeta meta) {
    String ns = meta == null ? null : meta.getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }
}
