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
 * with the pod annotation {@value #ANNOTATION} when present. Empty means unknown (any).
 */
final class ImageArchitectures {
  static final String ANNOTATION = "flotilla.io/architectures";

  private final Map<String, Set<String>> known;

  ImageArchitectures(Map<String, Set<String>> known) {
    this.known = Map.copyOf(known);
  }

  Set<String> of(FieldPath template, Map<String, String> annotations, PodSpec spec) {
    Set<String> result = null;
    String declared = annotations.get(ANNOTATION);
    if (declared != null) {
      result = parse(template.child("metadata").child("annotations").child(ANNOTATION), declared);
    }
    FieldPath specAt = template.child("spec");
    result = images(result, specAt.child("containers"), spec.getContainers());
    result = images(result, specAt.child("initContainers"), spec.getInitContainers());
    return result == null ? Set.of() : result;
  }

  private Set<String> images(Set<String> sofar, FieldPath at, List<Container> containers) {
    Set<String> result = sofar;
    for (int i = 0; containers != null && i < containers.size(); i++) {
      Set<String> archs = lookup(containers.get(i).getImage());
      if (archs == null) {
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
