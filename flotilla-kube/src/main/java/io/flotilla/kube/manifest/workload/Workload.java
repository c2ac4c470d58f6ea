package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldPath;

/**
 * A controller that runs copies of one pod template: its declared replica count (already derived
 * from parallelism and completions for a Job), whether an HPA may scale it, and how it is linked to
 * pods and controllers that already exist.
 */
public record Workload(
    Document doc,
    String kind,
    String namespace,
    String name,
    int replicas,
    boolean scalable,
    FieldPath templateAt,
    PodTemplateSpec template,
    Links links) {

  /**
   * Its pod selector (null when it has none) and its own controller as "Kind/name" (null when it
   * has none), e.g. the Deployment of a ReplicaSet.
   */
  public record Links(LabelSelector selector, String controller) {}

  /** The key an HPA's scaleTargetRef (or a pod's controller reference) resolves to. */
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
