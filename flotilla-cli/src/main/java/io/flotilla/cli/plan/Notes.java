package io.flotilla.cli.plan;

import io.flotilla.kube.manifest.Manifests;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/** What reading the manifests skipped or found odd, on stderr so stdout stays a clean result. */
final class Notes {
  private Notes() {}

  static void print(PrintWriter err, Manifests manifests, io.flotilla.core.plan.Plan plan) {
    long windows =
        plan.newNodes().stream()
            .filter(n -> "windows".equals(n.labels().get("kubernetes.io/os")))
            .count();
    if (windows > 0) {
      err.println(
          "note: "
              + windows
              + " new Windows node(s) are priced at Linux rates: the price data has no Windows"
              + " licence fees");
    }
    if (!manifests.skippedKinds().isEmpty()) {
      err.println(
          "skipped (not scheduling-relevant): "
              + manifests.skippedKinds().entrySet().stream()
                  .map(e -> e.getKey() + " x" + e.getValue())
                  .collect(Collectors.joining(", ")));
    }
    for (String warning : manifests.warnings()) {
      err.println("warning: " + warning);
    }
  }
}
