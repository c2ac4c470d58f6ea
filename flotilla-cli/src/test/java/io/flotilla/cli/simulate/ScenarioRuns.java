package io.flotilla.cli.simulate;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.world.Simulation;
import java.nio.file.Path;

/** Runs a scenario file's world for one strategy, with the simulation kept for inspection. */
final class ScenarioRuns {
  private ScenarioRuns() {}

  /** The project's scenarios directory, from the module's working directory. */
  static Path scenario(String file) {
    return Path.of("..", "scenarios", file).toAbsolutePath().normalize();
  }

  /** A finished simulation and its summary. */
  record Ran(Simulation sim, Summary summary) {}

  static Ran run(Path file, StrategyName strategy, boolean checkpointOnWarning) {
    return run(file, strategy, checkpointOnWarning, SpotAllocation.PRICE_CAPACITY_OPTIMIZED);
  }

  /** The same, karpenter-like launching Spot with {@code karpenterSpot}. */
  static Ran run(
      Path file, StrategyName strategy, boolean checkpointOnWarning, SpotAllocation karpenterSpot) {
    Scenario s = new ScenarioReader().read(file);
    WorldAssembly assembly =
        new WorldAssembly(
            Ec2Catalog.load(CatalogSettings.defaults()), PlanOptions.DEFAULTS, karpenterSpot);
    WorldAssembly.Inputs inputs = assembly.read(s);
    Simulation sim =
        new Simulation(
            assembly.world(strategy, inputs),
            assembly.run(strategy, s, s.seed(), checkpointOnWarning));
    return new Ran(sim, sim.run());
  }
}
