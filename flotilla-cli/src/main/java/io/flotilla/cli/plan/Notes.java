package io.flotilla.cli.plan;

import io.flotilla.core.plan.Plan;
import io.flotilla.kube.manifest.Manifests;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What reading the manifests skipped or found odd, on stderr so stdout stays a clean result. */
final class Notes {
  private Notes() {}

  /**
   * The warnings of a run, in the order they arose: the reader's (about the input), then the plan's
   * (about placements, e.g. pods of unknown image architecture on arm64).
   */
  static List<String> warnings(Manifests manifests, Plan plan) {
    List<String> all = new ArrayList<>(manifests.warnings());
    all.addAll(plan.warnings());
    return all;
  }

  static void print(PrintWriter err, Manifests manifests, Plan plan) {
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
    for (String warning : warnings(manifests, plan)) {
      err.println("warning: " + warning);
    }
  }
}
