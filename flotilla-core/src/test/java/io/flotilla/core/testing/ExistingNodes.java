package io.flotilla.core.testing;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.taint.Taint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Existing nodes of TestCatalog types, labelled as Karpenter labels its nodes, with capacity and
 * allocatable computed for the default kubelet.
 */
public final class ExistingNodes {
  private ExistingNodes() {}

  /** A schedulable, untainted on-demand node in us-east-1a, belonging to no pool. */
  public static Node node(String name, String instanceType) {
    return node(name, instanceType, "us-east-1a", null, List.of(), false);
  }

  public static Node node(
      String name,
      String instanceType,
      String zone,
      String pool,
      List<Taint> taints,
      boolean cordoned) {
    InstanceType t = TestCatalog.create().type(instanceType).orElseThrow();
    Map<String, String> labels = new TreeMap<>(t.labels());
    labels.put(WellKnownLabels.ZONE, zone);
    labels.put(WellKnownLabels.CAPACITY_TYPE, "on-demand");
    labels.put(WellKnownLabels.HOSTNAME, name);
    labels.put(WellKnownLabels.OS, "linux");
    if (pool != null) {
      labels.put(WellKnownLabels.NODE_POOL, pool);
    }
    NodeClass nc = NodeClass.defaults("default");
    return new Node(
        name,
        labels,
        taints,
        Allocatable.capacity(t, KubeletConfig.DEFAULT, nc),
        Allocatable.of(t, KubeletConfig.DEFAULT, nc),
        cordoned);
  }
}
