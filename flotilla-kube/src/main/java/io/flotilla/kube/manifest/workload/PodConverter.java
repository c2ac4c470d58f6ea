package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a pod (or a workload's pod template) into the core Pod: effective requests, node
 * affinity, tolerations, spread constraints, required pod (anti-)affinity, architectures (and the
 * images whose architectures are not known), host ports. {@code at} is the path of the object
 * holding {@code metadata} and {@code spec}.
 */
public final class PodConverter {
  private final ImageArchitectures architectures;
  private final PodAffinities podAffinities;

  public PodConverter(Map<String, Set<String>> imageArchitectures, Set<String> allNamespaces) {
    this.architectures = new ImageArchitectures(imageArchitectures);
    this.podAffinities = new PodAffinities(allNamespaces);
  }

  public Pod convert(
      FieldPath at,
      ObjectMeta meta,
      PodSpec spec,
      PodId id,
      String owner,
      String nodeName,
      Warnings warnings) {
    FieldPath specAt = at.child("spec");
    if (spec == null) {
      throw new FieldError(specAt, "missing");
    }
    if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
      throw new FieldError(specAt.child("containers"), "a pod needs at least one container");
    }
    Map<String, String> labels = mapOrEmpty(meta == null ? null : meta.getLabels());
    Map<String, String> annotations = mapOrEmpty(meta == null ? null : meta.getAnnotations());
    Affinity affinity = spec.getAffinity();
    FieldPath affinityAt = specAt.child("affinity");
    var anti = affinity == null ? null : affinity.getPodAntiAffinity();
    var near = affinity == null ? null : affinity.getPodAffinity();
    String hard = "requiredDuringSchedulingIgnoredDuringExecution";
    if ((anti != null && notEmpty(anti.getPreferredDuringSchedulingIgnoredDuringExecution()))
        || (near != null && notEmpty(near.getPreferredDuringSchedulingIgnoredDuringExecution()))) {
      warnings.warn(affinityAt, "preferred pod (anti-)affinity is not modelled; ignored");
    }
    NodeAffinity nodeAffinity = NodeAffinities.convert(specAt, spec, warnings);
    ImageArchitectures.Resolved images = architectures.of(at, annotations, spec);
    return new Pod(
        id,
        labels,
        EffectiveRequests.of(specAt, spec),
        nodeAffinity,
        Tolerations.convert(specAt.child("tolerations"), spec.getTolerations()),
        TopologySpreads.convert(
            specAt.child("topologySpreadConstraints"),
            spec.getTopologySpreadConstraints(),
            labels,
            warnings),
        anti == null
            ? List.of()
            : podAffinities.required(
                affinityAt.child("podAntiAffinity").child(hard),
                anti.getRequiredDuringSchedulingIgnoredDuringExecution(),
                labels,
                warnings),
        near == null
            ? List.of()
            : podAffinities.required(
                affinityAt.child("podAffinity").child(hard),
                near.getRequiredDuringSchedulingIgnoredDuringExecution(),
                labels,
                warnings),
        images.architectures(),
        HostPorts.of(specAt, spec),
        owner,
        nodeName,
        images.unresolvedImages(),
        "true".equals(annotations.get(Pod.DO_NOT_DISRUPT)));
  }

  private static Map<String, String> mapOrEmpty(Map<String, String> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, String> copy = new java.util.TreeMap<>();
    map.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    return copy;
  }

  private static boolean notEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
