package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.flotilla.core.resource.Resources;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.values.Quantities;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's effective request, by the Kubernetes rules: the containers' sum plus the sidecars (init
 * containers with restartPolicy Always); at least the peak of the init phase, where each init
 * container runs beside the sidecars started before it; pod-level requests replace the aggregate
 * for the resources they name; plus spec.overhead. Limits without requests default the requests.
 */
public final class EffectiveRequests {
  private EffectiveRequests() {}

  public static Resources of(FieldPath spec, PodSpec s) {
    Resources steady = Resources.NONE;
    List<Container> containers = s.getContainers();
    for (int i = 0; containers != null && i < containers.size(); i++) {
      steady =
          steady.plus(
              requests(spec.child("containers").index(i), containers.get(i).getResources()));
    }
    Resources sidecars = Resources.NONE;
    Resources initPeak = Resources.NONE;
    List<Container> inits = s.getInitContainers();
    for (int i = 0; inits != null && i < inits.size(); i++) {
      Resources r = requests(spec.child("initContainers").index(i), inits.get(i).getResources());
      if (isSidecar(inits.get(i))) {
        sidecars = sidecars.plus(r);
        initPeak = initPeak.max(sidecars);
      } else {
        initPeak = initPeak.max(sidecars.plus(r));
      }
    }
    Resources total = steady.plus(sidecars).max(initPeak);
    total = podLevel(spec, s.getResources(), total);
    return total.plus(Quantities.fromFabric8(spec.child("overhead"), s.getOverhead()));
  }

  static boolean isSidecar(Container c) {
    return "Always".equals(c.getRestartPolicy());
  }

  /** A container's (or the pod's) requests, with limits filling in what requests do not name. */
  static Resources requests(FieldPath at, ResourceRequirements rr) {
    if (rr == null) {
      return Resources.NONE;
    }
    FieldPath res = at.child("resources");
    Map<String, Long> amounts =
        new TreeMap<>(Quantities.fromFabric8(res.child("limits"), rr.getLimits()).asMap());
    if (rr.getRequests() != null) {
      amounts.keySet().removeAll(rr.getRequests().keySet());
    }
    amounts.putAll(Quantities.fromFabric8(res.child("requests"), rr.getRequests()).asMap());
    return Resources.of(amounts);
  }

  private static Resources podLevel(FieldPath spec, ResourceRequirements rr, Resources total) {
    if (rr == null) {
      return total;
    }
    Map<String, Long> amounts = new TreeMap<>(total.asMap());
    Resources pod = requests(spec, rr);
    if (rr.getLimits() != null) {
      rr.getLimits().keySet().forEach(name -> amounts.put(name, pod.get(name)));
    }
    if (rr.getRequests() != null) {
      rr.getRequests().keySet().forEach(name -> amounts.put(name, pod.get(name)));
    }
    return Resources.of(amounts);
  }
}
