package io.flotilla.cli.simulate;

import io.flotilla.cli.catalog.CatalogOptions;
import io.flotilla.cli.plan.PlanningOptions;
import io.flotilla.cli.simulate.report.HtmlReport;
import io.flotilla.cli.simulate.report.ReportInput;
import io.flotilla.cli.simulate.report.StrategyReport;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.world.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flotilla simulate}: a scenario over time on the embedded cloud and cluster. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Runs a scenario (manifests plus traffic, faults, duration and seed) through Flotilla's"
            + " control loops against a simulated cloud and cluster on a virtual clock, and"
            + " prints what it cost and how the workloads fared. No cluster, no cloud account.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the simulation ran", "2:bad scenario, manifests or option value"})
public final class SimulateCommand implements Callable<Integer> {
  /** How the figures are printed. */
  public enum Output {
    TABLE,
    JSON
  }

  @Spec CommandSpec spec;

  @Mixin CatalogOptions catalogOptions;

  @Mixin PlanningOptions planning;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenarioFile;

  @Option(
      names = "--strategy",
      paramLabel = "NAME",
      description =
          "flotilla, karpenter-like, cluster-autoscaler or on-demand-x86 (default: the"
              + " scenario's, else flotilla).")
  String strategy;

  @Option(
      names = "--compare",
      description = "Run every strategy on the same seed and print them side by side.")
  boolean compare;

  @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
  Long seed;

  @Option(
      names = "--checkpoint-on-warning",
      negatable = true,
      description =
          "Checkpoint Flink jobs before draining a warned node (flotilla strategy; default: the"
              + " scenario's, else on).")
  Boolean checkpointOnWarning;

  @Option(
      names = "--karpenter-spot-allocation",
      paramLabel = "STRATEGY",
      converter = SpotAllocations.class,
      defaultValue = "price-capacity-optimized",
      description =
          "How karpenter-like's Spot launches pick among a claim's offerings:"
              + " price-capacity-optimized (EC2 Fleet's, as Karpenter launches Spot: lowest"
              + " interruption band, then price) or lowest-price (its best case) (default:"
              + " ${DEFAULT-VALUE}).")
  SpotAllocation karpenterSpotAllocation;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "table",
      paramLabel = "table|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Also write one self-contained HTML file with charts over time and the comparison.")
  Path report;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SimulationResults results;
    try {
      results = simulate();
    } catch (ScenarioException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return 2;
    }
    results.notes().forEach(n -> err.println("note: " + n));
    err.flush();
    if (report != null) {
      try {
        writeReport(results);
      } catch (IOException e) {
        err.println("error: cannot write " + report + ": " + e.getMessage());
        err.flush();
        return 2;
      }
    }
    if (output == Output.JSON) {
      SimulationJson.write(out, results);
    } else {
      SummaryTable.print(out, results);
    }
    out.flush();
    return 0;
  }

  private SimulationResults simulate() {
    Scenario scenario = new ScenarioReader().read(scenarioFile);
    List<StrategyName> strategies = strategies(scenario);
    long runSeed = seed == null ? scenario.seed() : seed;
    boolean checkpoint =
        checkpointOnWarning == null ? scenario.checkpointOnWarning() : checkpointOnWarning;
    WorldAssembly assembly =
        new WorldAssembly(
            catalogOptions.catalog(), planning.toPlanOptions(), karpenterSpotAllocation);
    WorldAssembly.Inputs inputs = assembly.read(scenario);
    List<SimulationResults.StrategyRun> runs = new ArrayList<>();
    List<String> notes = new ArrayList<>(inputs.notes());
    ProgressBar bar =
        new ProgressBar(spec.commandLine().getErr(), System.console() != null, System::nanoTime);
    for (StrategyName s : strategies) {
      if (compare && s == StrategyName.CLUSTER_AUTOSCALER && inputs.nodeGroups().isEmpty()) {
        notes.add(
            "cluster-autoscaler not run: the scenario names no eksctl node groups (nodeGroups)");
        continue;
      }
      Simulation sim =
          new Simulation(assembly.world(s, inputs), assembly.run(s, scenario, runSeed, checkpoint));
      Summary summary = sim.run(done -> bar.update(s.label(), done));
      runs.add(new SimulationResults.StrategyRun(s, SummaryFigures.of(summary), sim.timeline()));
    }
    bar.finish();
    return new SimulationResults(
        scenario.name(), runSeed, scenario.duration(), scenario.warmUp(), compare, runs, notes);
  }

  private void writeReport(SimulationResults results) throws IOException {
    List<StrategyReport> strategies = new ArrayList<>();
    results
        .runs()
        .forEach(
            r ->
                strategies.add(
                    new StrategyReport(r.strategy().label(), r.figures(), r.timeline())));
    try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
      HtmlReport.write(new ReportInput(results.scenario(), results.seed(), strategies), w);
    }
  }

  private List<StrategyName> strategies(Scenario scenario) {
    if (compare) {
      return List.of(StrategyName.values());
    }
    if (strategy == null) {
      return List.of(scenario.strategy());
    }
    StrategyName s = StrategyName.byLabel(strategy);
    if (s == null) {
      throw new ScenarioException(
          "--strategy: unknown strategy '"
              + strategy
              + "' (expected one of "
              + StrategyName.labels()
              + ")");
    }
    return List.of(s);
  }
}
