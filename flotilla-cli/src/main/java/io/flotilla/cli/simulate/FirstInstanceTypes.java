package io.flotilla.cli.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.SourceFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first instance type each eksctl node group names, in the order written: Cluster Autoscaler
 * builds a group's node template from it (the NodePool keeps the types as a sorted set, which loses
 * that order). eksctl's default when a group names none: m5.large.
 */
final class FirstInstanceTypes {
  static final String EKSCTL_DEFAULT = "m5.large";

  private FirstInstanceTypes() {}

  static Map<String, String> of(List<Path> files) {
    Map<String, String> first = new TreeMap<>();
    SourceFiles sources = new SourceFiles(InputStream.nullInputStream());
    for (SourceFiles.Input input : sources.expand(files)) {
      for (Document doc : sources.documents(input)) {
        if (doc.isEmpty() || !"ClusterConfig".equals(doc.kind())) {
          continue;
        }
        for (String groups : List.of("nodeGroups", "managedNodeGroups")) {
          for (JsonNode g : doc.root().path(groups)) {
            first.put(g.path("name").asText(), firstType(g));
          }
        }
      }
    }
    return first;
  }

  private static String firstType(JsonNode group) {
    for (JsonNode types :
        List.of(
            group.path("instancesDistribution").path("instanceTypes"),
            group.path("instanceTypes"))) {
      if (types.isArray() && !types.isEmpty()) {
        return types.get(0).asText();
      }
    }
    JsonNode single = group.path("instanceType");
    return single.isTextual() && !single.asText().equals("mixed")
        ? single.asText()
        : EKSCTL_DEFAULT;
  }
}
