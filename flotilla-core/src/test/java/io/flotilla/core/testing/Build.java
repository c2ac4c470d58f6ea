package io.flotilla.core.testing;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short builders for test pods and pools. */
public final class Build {
  private Build() {}

  public static Resources res(String cpu, String memory) {
    return Resources.parse(Map.of("cpu", cpu, "memory", memory));
  }

  /** n replicas named name-0..n-1 in namespace default. */
  public static List<Pod> replicas(String name, int n, Resources requests) {
    return replicas(name, n, requests, NodeAffinity.NONE, List.of(), Set.of());
  }

  public static List<Pod> replicas(
      String name,
      int n,
      Resources requests,
      NodeAffinity affinity,
      List<Toleration> tolerations,
      Set<String> architectures) {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pods.add(
          new Pod(
              new PodId("default", name + "-" + i),
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
              null));
    }
    return pods;
  }

  public static NodeAffinity selector(String key, String value) {
    return new NodeAffinity(List.of(Requirements.of(Requirement.in(key, value))), List.of());
  }

  public static NodePool pool(String name, int weight, Requirement... requirements) {
    return pool(name, weight, List.of(), Resources.NONE, requirements);
  }

  public static NodePool pool(
      String name, int weight, List<Taint> taints, Resources limits, Requirement... requirements) {
    return new NodePool(
        name,
        weight,
        Requirements.of(requirements),
        Map.of(),
        taints,
        List.of(),
        limits,
        null,
        KubeletConfig.DEFAULT,
        null,
        null,
        NodePool.Api.V1);
  }
}
