package io.flotilla.kube.manifest;

import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.kube.manifest.eksctl.ClusterConfigDoc;
import io.flotilla.kube.manifest.eksctl.NodeGroupConverter;
import io.flotilla.kube.manifest.karpenter.NodeClassConverter;
import io.flotilla.kube.manifest.karpenter.NodeClassEntry;
import io.flotilla.kube.manifest.karpenter.NodePoolConverter;
import io.flotilla.kube.manifest.karpenter.NodePoolDoc;
import io.flotilla.kube.manifest.karpenter.ProvisionerConverter;
import io.flotilla.kube.manifest.karpenter.ProvisionerDoc;
import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.Warnings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves node classes and converts Provisioners, NodePools and eksctl node groups. */
final class PoolAssembler {
  private final Diagnostics diag;

  PoolAssembler(Diagnostics diag) {
    this.diag = diag;
  }

  List<NodePool> pools(Inventory inv) {
    Map<String, NodeClass> templates = templates(inv);
    Map<String, NodeClassEntry> classes = classes(inv);
    LastWins<NodePool> pools = new LastWins<>(diag);
    for (Inventory.Bound<Object> source : inv.poolSources) {
      Document doc = source.doc();
      Warnings w = diag.forDocument(doc);
      List<NodePool> converted =
          doc.within(
              () -> {
                if (source.value() instanceof ProvisionerDoc p) {
                  return List.of(ProvisionerConverter.convert(p, templates, w));
                }
                if (source.value() instanceof NodePoolDoc np) {
                  return List.of(NodePoolConverter.convert(np, classes, w));
                }
                return NodeGroupConverter.convert((ClusterConfigDoc) source.value(), w);
              });
      converted.forEach(p -> pools.put(p.name(), "node pool " + p.name(), doc, p));
    }
    return pools.values();
  }

  private Map<String, NodeClass> templates(Inventory inv) {
    LastWins<NodeClass> result = new LastWins<>(diag);
    for (var t : inv.nodeTemplates) {
      NodeClass nc = t.doc().within(() -> NodeClassConverter.awsNodeTemplate(t.value()));
      result.put(nc.name(), "AWSNodeTemplate " + nc.name(), t.doc(), nc);
    }
    return asMap(result.values(), NodeClass::name);
  }

  private Map<String, NodeClassEntry> classes(Inventory inv) {
    LastWins<NodeClassEntry> result = new LastWins<>(diag);
    for (var c : inv.nodeClasses) {
      Warnings w = diag.forDocument(c.doc());
      NodeClassEntry entry = c.doc().within(() -> NodeClassConverter.entry(c.value(), w));
      String name = entry.nodeClass().name();
      result.put(name, "EC2NodeClass " + name, c.doc(), entry);
    }
    return asMap(result.values(), e -> e.nodeClass().name());
  }

  private static <T> Map<String, T> asMap(
      List<T> values, java.util.function.Function<T, String> key) {
    Map<String, T> map = new HashMap<>();
    values.forEach(v -> map.put(key.apply(v), v));
    return map;
  }
}
