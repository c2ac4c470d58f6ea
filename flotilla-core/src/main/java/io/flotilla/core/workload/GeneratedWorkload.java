package io.flotilla.core.workload;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One generated Deployment: its name, replicas, per-pod requests, nodeSelector, tolerations and the
 * architectures its images are built for (empty: unknown). A mix is a list of these, so the same
 * mix can be planned in-process or written out as manifests for the CLI.
 */
public record GeneratedWorkload(
    String name,
    int replicas,
    Resources requests,
    Map<String, String> nodeSelector,
    List<Toleration> tolerations,
    Set<String> architectures) {

  /** The namespace every generated workload lives in. */
  public static final String NAMESPACE = "bench";

  public GeneratedWorkload {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(requests, "requests");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative: " + replicas);
    }
    nodeSelector = Map.copyOf(nodeSelector);
    tolerations = List.copyOf(tolerations);
    architectures = Set.copyOf(architectures);
  }

  /** The one container image of the workload's pods. */
  public String image() {
    return "registry.example.com/bench/" + name + ":1.0";
  }

  /** The pods of this workload, as the manifest reader would make them from its Deployment. */
  public List<Pod> pods() {
    NodeAffinity affinity =
        nodeSelector.isEmpty()
            ? NodeAffinity.NONE
            : new NodeAffinity(List.of(Requirements.fromLabels(nodeSelector)), List.of());
    List<Pod> pods = new ArrayList<>(replicas);
    for (int i = 0; i < replicas; i++) {
      pods.add(
          new Pod(
              new PodId(NAMESPACE, name + "-" + i),
              Map.of("app", name),
              requests,
              affinity,
              tolerations,
              List.of(),
              List.of(),
              List.of(),
              architectures,
              Set.of(),
              "Deployment/" + name,
              null,
              architectures.isEmpty() ? Set.of(image()) : Set.of()));
    }
    return pods;
  }

  /** Every pod of the workloads, in order. */
  public static List<Pod> pods(List<GeneratedWorkload> workloads) {
    List<Pod> pods = new ArrayList<>();
    workloads.forEach(w -> pods.addAll(w.pods()));
    return pods;
  }
}
