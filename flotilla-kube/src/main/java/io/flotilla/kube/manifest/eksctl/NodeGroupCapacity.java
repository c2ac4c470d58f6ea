package io.flotilla.kube.manifest.eksctl;

import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.util.List;
import java.util.Map;

/** What an eksctl node group buys: instance types, spot or on-demand, size, AMI and volume. */
final class NodeGroupCapacity {
  private static final String DEFAULT_TYPE = "m5.large";
  private static final int DEFAULT_SIZE = 2;
  private static final long DEFAULT_VOLUME_GIB = 80;
  private static final Map<String, String> FAMILIES =
      Map.of(
          "AmazonLinux2", "AL2",
          "AmazonLinux2023", "AL2023",
          "Bottlerocket", "Bottlerocket",
          "Ubuntu", "Ubuntu",
          "WindowsServer2019", "Windows2019",
          "WindowsServer2022", "Windows2022",
          "WindowsServer2025", "Windows2025");

  private NodeGroupCapacity() {}

  static List<String> instanceTypes(FieldPath at, ClusterConfigDoc.NodeGroup g, Warnings w) {
    var d = g.instancesDistribution();
    if (d != null && d.instanceTypes() != null && !d.instanceTypes().isEmpty()) {
      return d.instanceTypes();
    }
    if (g.instanceTypes() != null && !g.instanceTypes().isEmpty()) {
      return g.instanceTypes();
    }
    if (g.instanceType() != null && !g.instanceType().isBlank()) {
      return List.of(g.instanceType());
    }
    if (g.instanceSelector() != null) {
      w.warn(
          at.child("instanceSelector"),
          "not resolved; eksctl's default " + DEFAULT_TYPE + " assumed");
    }
    return List.of(DEFAULT_TYPE);
  }

  static boolean spot(FieldPath at, ClusterConfigDoc.NodeGroup g, boolean managed, Warnings w) {
    if (managed) {
      return Boolean.TRUE.equals(g.spot());
    }
    var d = g.instancesDistribution();
    if (d == null) {
      return false;
    }
    int pct =
        d.onDemandPercentageAboveBaseCapacity() == null
            ? 100
            : d.onDemandPercentageAboveBaseCapacity();
    int base = d.onDemandBaseCapacity() == null ? 0 : d.onDemandBaseCapacity();
    if (pct < 0 || pct > 100) {
      throw new FieldError(
          at.child("instancesDistribution").child("onDemandPercentageAboveBaseCapacity"),
          "must be 0..100, got " + pct);
    }
    boolean spot = pct == 0;
    if ((pct > 0 && pct < 100) || (spot && base > 0)) {
      w.warn(
          at.child("instancesDistribution"),
          "mixes on-demand and spot; planned as " + (spot ? "spot" : "on-demand"));
    }
    return spot;
  }

  static Integer maxNodes(FieldPath at, ClusterConfigDoc.NodeGroup g) {
    int min = g.minSize() == null ? 0 : g.minSize();
    int max =
        g.maxSize() != null
            ? g.maxSize()
            : Math.max(min, g.desiredCapacity() == null ? DEFAULT_SIZE : g.desiredCapacity());
    if (min < 0 || max < min) {
      throw new FieldError(
          at.child(g.maxSize() != null ? "maxSize" : "minSize"),
          "needs 0 <= minSize <= maxSize, got " + min + ".." + max);
    }
    return max;
  }

  static NodeClass nodeClass(FieldPath at, ClusterConfigDoc.NodeGroup g) {
    String family = "AL2023";
    if (g.amiFamily() != null) {
      String best = null;
      for (String key : FAMILIES.keySet()) {
        if (g.amiFamily().startsWith(key) && (best == null || key.length() > best.length())) {
          best = key;
        }
      }
      if (best == null) {
        throw new FieldError(
            at.child("amiFamily"),
            "unknown amiFamily '"
                + g.amiFamily()
                + "' (expected one of "
                + FAMILIES.keySet()
                + ")");
      }
      family = FAMILIES.get(best);
    }
    long gib = g.volumeSize() == null ? DEFAULT_VOLUME_GIB : g.volumeSize();
    if (gib < 1) {
      throw new FieldError(at.child("volumeSize"), "must be at least 1 (GiB), got " + gib);
    }
    return new NodeClass(g.name(), family, gib << 30, false);
  }
}
