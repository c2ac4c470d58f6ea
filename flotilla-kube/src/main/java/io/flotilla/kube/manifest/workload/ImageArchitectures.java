package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.WellKnownValues;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU architectures a pod can run on: the intersection over its images known to the caller
 * (image reference to architectures, matched exactly or with an implied ":latest"), intersected
 * with the pod annotation {@value #ANNOTATION} when present. Empty means unknown (any). The images
 * (of containers and init containers) whose architectures are not known are named, unless the
 * annotation declares the pod's architectures.
 */
final class ImageArchitectures {
  static final String ANNOTATION = "flotilla.io/architectures";

  /** What a pod's images and annotation say: its architectures and the images nobody resolved. */
  record Resolved(Set<String> architectures, Set<String> unresolvedImages) {}

  private final Map<String, Set<String>> known;

  ImageArchitectures(Map<String, Set<String>> known) {
    this.known = Map.copyOf(known);
  }

  Resolved of(FieldPath template, Map<String, String> annotations, PodSpec spec) {
    Set<String> result = null;
    String declared = annotations.get(ANNOTATION);
    if (declared != null) {
      result = parse(template.child("metadata").child("annotations").child(ANNOTATION), declared);
    }
    FieldPath specAt = template.child("spec");
    Set<String> unresolved = new TreeSet<>();
    result = images(result, specAt.child("containers"), spec.getContainers(), unresolved);
    result = images(result, specAt.child("initContainers"), spec.getInitContainers(), unresolved);
    return new Resolved(
        result == null ? Set.of() : result, declared == null ? unresolved : Set.of());
  }

  private Set<String> images(
      Set<String> sofar, FieldPath at, List<Container> containers, Set<String> unresolved) {
    Set<String> result = sofar;
    for (int i = 0; containers != null && i < containers.size(); i++) {
      String image = containers.get(i).getImage();
      Set<String> archs = lookup(image);
      if (archs == null) {
        if (image != null && !image.isBlank()) {
          unresolved.add(image);
        }
        continue;
      }
      Set<String> next = new TreeSet<>(archs);
      if (result != null) {
        next.retainAll(result);
      }
      if (next.isEmpty()) {
        throw new FieldError(
            at.index(i).child("image"),
            "no CPU architecture in common with the pod's other images or its "
                + ANNOTATION
                + " annotation: the pod cannot run anywhere");
      }
      result = next;
    }
    return result;
  }

  private Set<String> lookup(String image) {
    if (image == null) {
      return null;
    }
    Set<String> archs = known.get(image);
    if (archs == null && !image.contains("@") && image.lastIndexOf(':') <= image.lastIndexOf('/')) {
      archs = known.get(image + ":latest");
    }
    if (archs == null && image.endsWith(":latest")) {
      archs = known.get(image.substring(0, image.length() - ":latest".length()));
    }
    return archs;
  }

  private static Set<String> parse(FieldPath at, String text) {
    Set<String> archs = new TreeSet<>();
    for (String part : text.split(",")) {
      String arch = part.trim();
      if (!arch.isEmpty()) {
        WellKnownValues.check(at, WellKnownLabels.ARCH, arch);
        archs.add(arch);
      }
    }
    if (archs.isEmpty()) {
      throw new FieldError(at, "names no architecture (expected e.g. \"amd64,arm64\")");
    }
    return archs;
  }
}
