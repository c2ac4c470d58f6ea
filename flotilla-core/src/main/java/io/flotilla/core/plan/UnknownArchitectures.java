package io.flotilla.core.plan;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pods whose images' architectures nobody told us about. Under {@code AMD64} they are kept on
 * amd64, where nearly every image runs; under {@code ANY} they may land anywhere, and each workload
 * that lands on arm64 that way is named in a warning with its unresolved images, because a
 * single-architecture image there crash-loops with "exec format error".
 */
final class UnknownArchitectures {
  private UnknownArchitectures() {}

  static PlanRequest applyPolicy(PlanRequest request) {
    if (request.options().unknownArchitecture() != PlanOptions.UnknownArchitecture.AMD64) {
      return request;
    }
    List<Pod> pods = new ArrayList<>();
    boolean changed = false;
    for (Pod p : request.pods()) {
      if (!p.bound() && p.architectureUnknown()) {
        pods.add(p.withArchitectures(Set.of("amd64")));
        changed = true;
      } else {
        pods.add(p);
      }
    }
    return changed ? request.withPods(pods) : request;
  }

  static Plan warn(Plan plan, Map<PodId, Pod> pods) {
    Map<String, List<PodId>> byOwner = new TreeMap<>();
    Map<String, Set<String>> images = new TreeMap<>();
    for (PlannedNode n : plan.nodes()) {
      if (!"arm64".equals(n.arch())) {
        continue;
      }
      for (PodId id : n.pods()) {
        Pod p = pods.get(id);
        if (p != null && p.architectureUnknown()) {
          String owner = p.id().namespace() + "/" + p.owner();
          byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(id);
          images.computeIfAbsent(owner, k -> new TreeSet<>()).addAll(p.unresolvedImages());
        }
      }
    }
    if (byOwner.isEmpty()) {
      return plan;
    }
    List<String> warnings = new ArrayList<>(plan.warnings());
    byOwner.forEach(
        (owner, ids) ->
            warnings.add(
                ids.size()
                    + " pod(s) of "
                    + owner
                    + " planned onto arm64 although the architectures of their images are"
                    + " unknown ("
                    + String.join(", ", images.get(owner))
                    + "; pods "
                    + ids.stream().sorted().map(PodId::toString).limit(5).toList()
                    + (ids.size() > 5 ? " ..." : "")
                    + "): give --image-architectures or use --unknown-image-arch amd64"));
    return plan.withWarnings(warnings);
  }
}
