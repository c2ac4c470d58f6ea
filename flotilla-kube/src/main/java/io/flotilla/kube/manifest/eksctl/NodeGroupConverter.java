package io.flotilla.kube.manifest.eksctl;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.Disruption;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.WellKnownValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * eksctl node groups as NodePools (api NODE_GROUP, weight 0, no consolidation): instance types from
 * instancesDistribution, instanceTypes or instanceType (eksctl's default m5.large); spot when
 * onDemandPercentageAboveBaseCapacity is 0 (managed: spot: true); maxNodes = maxSize. Nodes carry
 * the labels eksctl and EKS put on them besides the group's own.
 */
public final class NodeGroupConverter {
  private static final String US_EAST_1 = "us-east-1";

  private NodeGroupConverter() {}

  public static List<NodePool> convert(ClusterConfigDoc c, Warnings w) {
    String cluster = c.metadata() == null ? null : c.metadata().name();
    String region = c.metadata() == null ? null : c.metadata().region();
    if (region != null && !region.equals(US_EAST_1)) {
      w.warn(
          FieldPath.of("metadata", "region"),
          "prices are those of us-east-1; this cluster is in " + region);
    }
    List<NodePool> pools = new ArrayList<>();
    add(pools, FieldPath.of("nodeGroups"), c.nodeGroups(), false, cluster, w);
    add(pools, FieldPath.of("managedNodeGroups"), c.managedNodeGroups(), true, cluster, w);
    return pools;
  }

  private static void add(
      List<NodePool> pools,
      FieldPath at,
      List<ClusterConfigDoc.NodeGroup> groups,
      boolean managed,
      String cluster,
      Warnings w) {
    for (int i = 0; groups != null && i < groups.size(); i++) {
      pools.add(convert(at.index(i), groups.get(i), managed, cluster, w));
    }
  }

  private static NodePool convert(
      FieldPath at, ClusterConfigDoc.NodeGroup g, boolean managed, String cluster, Warnings w) {
    if (g.name() == null || g.name().isBlank()) {
      throw new FieldError(at.child("name"), "missing");
    }
    boolean spot = NodeGroupCapacity.spot(at, g, managed, w);
    List<Requirement> requirements = new ArrayList<>();
    requirements.add(
        Requirement.of(
            WellKnownLabels.INSTANCE_TYPE, Operator.IN, NodeGroupCapacity.instanceTypes(at, g, w)));
    requirements.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, spot ? "spot" : "on-demand"));
    if (g.availabilityZones() != null && !g.availabilityZones().isEmpty()) {
      requirements.add(Requirement.of(WellKnownLabels.ZONE, Operator.IN, g.availabilityZones()));
    }
    Map<String, String> labels = new TreeMap<>();
    if (managed) {
      labels.put("eks.amazonaws.com/nodegroup", g.name());
      labels.put(WellKnownLabels.EKS_CAPACITY_TYPE, spot ? "SPOT" : "ON_DEMAND");
    } else {
      labels.put("alpha.eksctl.io/nodegroup-name", g.name());
      if (cluster != null) {
        labels.put("alpha.eksctl.io/cluster-name", cluster);
      }
    }
    if (g.labels() != null) {
      g.labels().forEach((k, v) -> labels.put(k, v == null ? "" : v));
      WellKnownValues.checkLabels(at.child("labels"), g.labels());
    }
    KubeletConfig kubelet =
        g.maxPodsPerNode() == null
            ? null
            : FieldError.guard(
                at.child("maxPodsPerNode"),
                () -> new KubeletConfig(g.maxPodsPerNode(), null, null, null, null, null));
    return new NodePool(
        g.name(),
        0,
        new Requirements(requirements),
        labels,
        EksctlTaints.parse(at.child("taints"), g.taints()),
        List.of(),
        Resources.NONE,
        NodeGroupCapacity.maxNodes(at, g),
        kubelet,
        new Disruption(Disruption.ConsolidationPolicy.NONE, null, null, null, List.of()),
        NodeGroupCapacity.nodeClass(at, g),
        NodePool.Api.NODE_GROUP);
  }
}
