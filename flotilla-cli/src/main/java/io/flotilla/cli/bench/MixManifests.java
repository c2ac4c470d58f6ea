package io.flotilla.cli.bench;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import io.flotilla.core.workload.GeneratedWorkload;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a generated mix as the YAML a user would have: one Deployment per workload (pods labelled
 * {@code app: <name>}, the nodeSelector, tolerations, one container with the requests, and the
 * images' architectures in the {@code flotilla.io/architectures} annotation when known), and the
 * pools as karpenter.sh/v1 NodePools on one EC2NodeClass. Reading these files gives back the
 * generated pods and pools.
 */
final class MixManifests {
  static final String DEPLOYMENTS = "deployments.yaml";
  static final String NODE_POOLS = "nodepools.yaml";
  private static final String ARCH_ANNOTATION = "flotilla.io/architectures";
  private static final String NODE_CLASS = "default";
  private static final long MIB = 1L << 20;

  private MixManifests() {}

  /** Writes {@value #DEPLOYMENTS} and {@value #NODE_POOLS} into the directory (created). */
  static void write(Path dir, List<GeneratedWorkload> workloads, List<NodePool> pools)
      throws IOException {
    Files.createDirectories(dir);
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(DEPLOYMENTS))) {
      for (GeneratedWorkload w : workloads) {
        deployment(out, w);
      }
    }
    try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(NODE_POOLS))) {
      nodeClass(out);
      for (NodePool p : pools) {
        nodePool(out, p);
      }
    }
  }

  static void deployment(Writer out, GeneratedWorkload w) throws IOException {
    out.write("---\napiVersion: apps/v1\nkind: Deployment\n");
    out.write(
        "metadata: {name: " + w.name() + ", namespace: " + GeneratedWorkload.NAMESPACE + "}\n");
    out.write("spec:\n  replicas: " + w.replicas() + "\n");
    out.write("  selector: {matchLabels: {app: " + w.name() + "}}\n");
    out.write("  template:\n    metadata:\n      labels: {app: " + w.name() + "}\n");
    if (!w.architectures().isEmpty()) {
      out.write(
          "      annotations: {"
              + ARCH_ANNOTATION
              + ": \""
              + String.join(",", new TreeSet<>(w.architectures()))
              + "\"}\n");
    }
    out.write("    spec:\n");
    if (!w.nodeSelector().isEmpty()) {
      out.write("      nodeSelector: " + flowMap(w.nodeSelector()) + "\n");
    }
    if (!w.tolerations().isEmpty()) {
      List<String> tolerations = new ArrayList<>();
      for (Toleration t : w.tolerations()) {
        tolerations.add(toleration(t));
      }
      out.write("      tolerations: [" + String.join(", ", tolerations) + "]\n");
    }
    out.write("      containers:\n      - name: app\n        image: " + w.image() + "\n");
    out.write("        resources:\n          requests: " + quantities(w.requests()) + "\n");
    Resources extended = extended(w.requests());
    if (!extended.isEmpty()) {
      // Kubernetes wants extended resources in limits too, equal to the requests.
      out.write("          limits: " + quantities(extended) + "\n");
    }
  }

  private static void nodeClass(Writer out) throws IOException {
    out.write(
        "apiVersion: karpenter.k8s.aws/v1\n"
            + "kind: EC2NodeClass\n"
            + "metadata: {name: "
            + NODE_CLASS
            + "}\n"
            + "spec:\n"
            + "  role: KarpenterNodeRole-bench\n"
            + "  amiSelectorTerms: [{alias: al2023@latest}]\n"
            + "  subnetSelectorTerms: [{tags: {karpenter.sh/discovery: bench}}]\n"
            + "  securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: bench}}]\n");
  }

  static void nodePool(Writer out, NodePool p) throws IOException {
    out.write("---\napiVersion: karpenter.sh/v1\nkind: NodePool\n");
    out.write("metadata: {name: " + p.name() + "}\nspec:\n  weight: " + p.weight() + "\n");
    if (!p.limits().isEmpty()) {
      out.write("  limits: " + quantities(p.limits()) + "\n");
    }
    out.write("  template:\n    spec:\n");
    out.write(
        "      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: "
            + NODE_CLASS
            + "}\n");
    if (!p.taints().isEmpty()) {
      List<String> taints = new ArrayList<>();
      for (Taint t : p.taints()) {
        taints.add(
            "{key: "
                + t.key()
                + (t.value().isEmpty() ? "" : ", value: \"" + t.value() + "\"")
                + ", effect: "
                + t.effect().apiName()
                + "}");
      }
      out.write("      taints: [" + String.join(", ", taints) + "]\n");
    }
    out.write("      requirements:\n");
    for (Requirement r : p.requirements().list()) {
      out.write("        - {key: " + r.key() + ", operator: " + r.operator().apiName());
      if (!r.values().isEmpty()) {
        out.write(", values: [" + String.join(", ", new TreeSet<>(r.values())) + "]");
      }
      if (r.minValues() != null) {
        out.write(", minValues: " + r.minValues());
      }
      out.write("}\n");
    }
  }

  private static String toleration(Toleration t) {
    StringBuilder s = new StringBuilder("{");
    if (!t.key().isEmpty()) {
      s.append("key: ").append(t.key()).append(", ");
    }
    s.append("operator: ").append(t.exists() ? "Exists" : "Equal");
    if (!t.exists()) {
      s.append(", value: \"").append(t.value()).append('"');
    }
    if (t.effect() != null) {
      s.append(", effect: ").append(t.effect().apiName());
    }
    return s.append('}').toString();
  }

  private static String flowMap(Map<String, String> map) {
    List<String> entries = new ArrayList<>();
    new TreeMap<>(map).forEach((k, v) -> entries.add(k + ": " + v));
    return "{" + String.join(", ", entries) + "}";
  }

  /** Requests as Kubernetes quantities: CPU in millicores, bytes in Mi where exact. */
  static String quantities(Resources resources) {
    List<String> entries = new ArrayList<>();
    resources.asMap().forEach((name, amount) -> entries.add(name + ": " + quantity(name, amount)));
    return "{" + String.join(", ", entries) + "}";
  }

  static String quantity(String name, long amount) {
    if (name.equals(ResourceNames.CPU)) {
      return amount % 1000 == 0 ? "\"" + amount / 1000 + "\"" : amount + "m";
    }
    if (ResourceNames.isByteSized(name) && amount % MIB == 0) {
      return amount / MIB + "Mi";
    }
    return "\"" + amount + "\"";
  }

  private static Resources extended(Resources requests) {
    Map<String, Long> out = new TreeMap<>();
    requests
        .asMap()
        .forEach(
            (name, amount) -> {
              if (name.contains("/")) {
                out.put(name, amount);
              }
            });
    return Resources.of(out);
  }
}
