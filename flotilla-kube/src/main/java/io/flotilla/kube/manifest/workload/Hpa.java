package io.flotilla.kube.manifest.workload;

import io.flotilla.kube.manifest.source.Document;

/** What an HorizontalPodAutoscaler says about replicas: its bounds and the workload it scales. */
public record Hpa(
    Document doc,
    String namespace,
    String name,
    int minReplicas,
    int maxReplicas,
    String targetKind,
    String targetName) {

  public String targetKey() {
    return Workload.key(targetKind, namespace, targetName);
  }
}
