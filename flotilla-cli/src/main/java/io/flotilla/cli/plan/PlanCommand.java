package io.flotilla.cli.plan;

import io.flotilla.cli.catalog.CatalogOptions;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.cost.OnDemandX86Equivalent;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import io.flotilla.kube.manifest.ManifestException;
import io.flotilla.kube.manifest.ManifestReader;
import io.flotilla.kube.manifest.Manifests;
import io.flotilla.kube.manifest.ReadOptions;
import io.flotilla.kube.manifest.ReplicaPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flotilla plan}: where pending pods go and which nodes to launch, at the lowest cost. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plans pending pods from Kubernetes and Karpenter YAML onto existing nodes and new nodes"
            + " from the node pools, at the lowest cost that honours every constraint.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the plan was printed",
      "2:bad input or a bad option value",
      "3:with --fail-on-unschedulable: the plan was printed and some pod is unschedulable"
    })
public final class PlanCommand implements Callable<Integer> {
  /** How the plan is printed. */
  public enum Output {
    TABLE,
    JSON
  }

  /** The exit code of {@code --fail-on-unschedulable} when some pod fits nowhere. */
  static final int UNSCHEDULABLE_EXIT = 3;

  @Spec CommandSpec spec;

  @Mixin CatalogOptions catalogOptions;

  @Mixin PlanningOptions planning;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE_OR_DIR",
      description = "YAML or JSON manifests (files or directories, read recursively).")
  List<Path> files;

  @Option(
      names = "--replicas-at",
      defaultValue = "current",
      paramLabel = "max|min|current",
      description =
          "Where a HorizontalPodAutoscaler puts its target's replicas (default: ${DEFAULT-VALUE}).")
  ReplicaPolicy replicasAt;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--lower-bound",
      description =
          "Also compute lower bounds on the new nodes' cost from the request alone: the plain LP"
              + " and the configuration LP (column generation); the larger is printed.")
  boolean lowerBound;

  @Option(
      names = "--image-architectures",
      paramLabel = "FILE",
      description =
          "YAML map from image reference to the architectures it is built for, e.g."
              + " 'repo/app:1.0: [amd64, arm64]'. Pods never land on an architecture their"
              + " images lack.")
  Path imageArchitectures;

  @Option(
      names = "--fail-on-unschedulable",
      description =
          "Exit with code 3, after printing the plan, when any pod is unschedulable (for CI).")
  boolean failOnUnschedulable;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Manifests manifests;
    try {
      Map<String, Set<String>> images = ImageArchitecturesFile.read(imageArchitectures);
      manifests = new ManifestReader(new ReadOptions(replicasAt, images)).read(files);
    } catch (ManifestException | BadInputException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    Catalog catalog = catalogOptions.catalog();
    PlanRequest request =
        new PlanRequest(
            manifests.pods(),
            manifests.nodes(),
            manifests.nodePools(),
            manifests.daemonSets(),
            catalog,
            planning.toPlanOptions());
    Planner.Outcome outcome = new Planner().plan(request, lowerBound);
    double equivalent = new OnDemandX86Equivalent(catalog).costPerHour(outcome.plan());
    if (output == Output.JSON) {
      PlanJson.write(out, outcome, Notes.warnings(manifests, outcome.plan()));
    } else {
      new PlanTable(out).print(outcome, equivalent);
    }
    Notes.print(err, manifests, outcome.plan());
    int unschedulable = outcome.plan().unschedulable().size();
    if (failOnUnschedulable && unschedulable > 0) {
      err.println("error: " + unschedulable + " pod(s) unschedulable (--fail-on-unschedulable)");
    }
    out.flush();
    err.flush();
    return failOnUnschedulable && unschedulable > 0 ? UNSCHEDULABLE_EXIT : 0;
  }
}
