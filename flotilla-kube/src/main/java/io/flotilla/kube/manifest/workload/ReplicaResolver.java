package io.flotilla.kube.manifest.workload;

import io.flotilla.kube.manifest.ReplicaPolicy;
import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replicas to plan for each workload. An HPA targeting it decides by the policy: MAX its
 * maxReplicas, MIN its minReplicas, CURRENT the workload's replicas clamped into [min, max] (and 0
 * stays 0: the HPA controller does not scale a workload scaled to zero).
 */
public final class ReplicaResolver {
  private static final FieldPath TARGET = FieldPath.of("spec", "scaleTargetRef");

  private final ReplicaPolicy policy;
  private final Map<String, Hpa> byTarget = new HashMap<>();

  public ReplicaResolver(
      ReplicaPolicy policy,
      List<Hpa> hpas,
      Set<String> workloadKeys,
      Set<String> unscalableKeys,
      Diagnostics diagnostics) {
    this.policy = policy;
    for (Hpa hpa : hpas) {
      var warnings = diagnostics.forDocument(hpa.doc());
      String key = hpa.targetKey();
      String target = hpa.targetKind() + "/" + hpa.targetName();
      if (unscalableKeys.contains(key)) {
        warnings.warn(TARGET, "target " + target + " cannot be scaled by an HPA; ignored");
      } else if (!workloadKeys.contains(key)) {
        warnings.warn(TARGET, "target " + target + " is not in the input; ignored");
      } else if (byTarget.containsKey(key)) {
        warnings.warn(
            TARGET,
            "target " + target + " already has an HPA (" + byTarget.get(key).name() + "); ignored");
      } else {
        byTarget.put(key, hpa);
      }
    }
  }

  public int replicas(Workload w, Diagnostics diagnostics) {
    Hpa hpa = byTarget.get(w.key());
    if (hpa == null) {
      return w.replicas();
    }
    return switch (policy) {
      case MAX -> hpa.maxReplicas();
      case MIN -> hpa.minReplicas();
      case CURRENT -> current(w, hpa, diagnostics);
    };
  }

  private static int current(Workload w, Hpa hpa, Diagnostics diagnostics) {
    if (w.replicas() == 0 && hpa.minReplicas() > 0) {
      diagnostics
          .forDocument(hpa.doc())
          .warn(TARGET, w.owner() + " is scaled to 0, which pauses the HPA: no pods planned");
      return 0;
    }
    return Math.max(hpa.minReplicas(), Math.min(hpa.maxReplicas(), w.replicas()));
  }
}
