package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldPath;

/**
 * A controller that runs copies of one pod template: its declared replica count (already derived
 * from parallelism and completions for a Job) and whether an HPA may scale it.
 */
public record Workload(
    Document doc,
    String kind,
    String namespace,
    String name,
    int replicas,
    boolean scalable,
    FieldPath templateAt,
    PodTemplateSpec template) {

  /** The key an HPA's scaleTargetRef resolves to. */
  public static String key(String kind, String namespace, String name) {
    return kind + "/" + namespace + "/" + name;
  }

  public String key() {
    return key(kind, namespace, name);
  }

  public String owner() {
    return kind + "/" + name;
  }
}
