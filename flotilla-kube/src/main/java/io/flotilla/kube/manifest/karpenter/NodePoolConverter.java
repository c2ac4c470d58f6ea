package io.flotilla.kube.manifest.karpenter;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A karpenter.sh v1 or v1beta1 NodePool as a core NodePool. Its node class comes from the
 * EC2NodeClass named by nodeClassRef (absent: defaults and a warning); kubelet settings from the
 * EC2NodeClass in v1 and from the template in v1beta1.
 */
public final class NodePoolConverter {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath TEMPLATE = SPEC.child("template");
  private static final FieldPath TSPEC = TEMPLATE.child("spec");

  private NodePoolConverter() {}

  public static NodePool convert(NodePoolDoc np, Map<String, NodeClassEntry> classes, Warnings w) {
    boolean v1 = "karpenter.sh/v1".equals(np.apiVersion());
    String name = ObjectNames.name(np.metadata());
    NodePoolDoc.Spec s = np.spec();
    if (s == null) {
      throw new FieldError(SPEC, "missing");
    }
    if (s.template() == null || s.template().spec() == null) {
      throw new FieldError(s.template() == null ? TEMPLATE : TSPEC, "missing");
    }
    NodePoolDoc.TemplateSpec t = s.template().spec();
    if (s.replicas() != null) {
      w.warn(SPEC.child("replicas"), "static NodePools are planned as dynamic ones");
    }
    NodeClassEntry entry = nodeClass(t.nodeClassRef(), classes, w);
    var meta = s.template().metadata();
    return new NodePool(
        name,
        PoolFields.weight(SPEC.child("weight"), s.weight()),
        withCapacityTypeDefault(
            RequirementSpec.convertAll(TSPEC.child("requirements"), t.requirements())),
        PoolFields.labels(
            TEMPLATE.child("metadata").child("labels"), meta == null ? null : meta.labels()),
        PoolFields.taints(TSPEC.child("taints"), t.taints()),
        PoolFields.taints(TSPEC.child("startupTaints"), t.startupTaints()),
        PoolFields.limits(SPEC.child("limits"), s.limits(), w),
        null,
        kubelet(v1, t, entry, w),
        DisruptionConverter.convert(v1, s.disruption(), t, w),
        entry.nodeClass(),
        NodePool.Api.V1);
  }

  /**
   * Karpenter's NodeClaim template requires on-demand capacity when the pool names no capacity type
   * (a pool must ask for Spot explicitly).
   */
  private static Requirements withCapacityTypeDefault(List<Requirement> given) {
    Requirements r = new Requirements(given);
    if (r.constrains(WellKnownLabels.CAPACITY_TYPE)) {
      return r;
    }
    List<Requirement> all = new ArrayList<>(given);
    all.add(Requirement.in(WellKnownLabels.CAPACITY_TYPE, "on-demand"));
    return new Requirements(all);
  }

  private static KubeletConfig kubelet(
      boolean v1, NodePoolDoc.TemplateSpec t, NodeClassEntry entry, Warnings w) {
    KubeletConfig onPool = KubeletConverter.convert(TSPEC.child("kubelet"), t.kubelet());
    if (!v1 || onPool == null) {
      return onPool != null ? onPool : entry.kubelet();
    }
    w.warn(
        TSPEC.child("kubelet"),
        "karpenter.sh/v1 reads kubelet from the EC2NodeClass"
            + (entry.kubelet() == null ? "; used since the node class sets none" : "; ignored"));
    return entry.kubelet() != null ? entry.kubelet() : onPool;
  }

  private static NodeClassEntry nodeClass(
      NodePoolDoc.NodeClassRef ref, Map<String, NodeClassEntry> classes, Warnings w) {
    FieldPath at = TSPEC.child("nodeClassRef");
    if (ref == null || ref.name() == null || ref.name().isBlank()) {
      throw new FieldError(ref == null ? at : at.child("name"), "missing");
    }
    if (ref.kind() != null && !ref.kind().equals("EC2NodeClass")) {
      w.warn(at.child("kind"), "only EC2NodeClass is read: defaults assumed");
      return new NodeClassEntry(NodeClass.defaults(ref.name()), null);
    }
    if (ref.group() != null && !ref.group().equals("karpenter.k8s.aws")) {
      w.warn(at.child("group"), "expected karpenter.k8s.aws (an API group has no version)");
    }
    NodeClassEntry entry = classes.get(ref.name());
    if (entry == null) {
      w.warn(
          at.child("name"),
          "EC2NodeClass '" + ref.name() + "' is not in the input: defaults assumed");
      return new NodeClassEntry(NodeClass.defaults(ref.name()), null);
    }
    return entry;
  }
}
