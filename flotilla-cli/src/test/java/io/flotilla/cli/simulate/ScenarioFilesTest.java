package io.flotilla.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.sim.world.World;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every scenario shipped in {@code scenarios/} reads, names only workloads its manifests have, and
 * builds a world with pools and workloads for every strategy it can run (cluster-autoscaler only
 * with node groups). The long ones are run by hand, not here.
 */
class ScenarioFilesTest {
  static List<Path> scenarios() throws IOException {
    try (Stream<Path> files = Files.list(ScenarioRuns.scenario(""))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void readsAndBuildsAWorldForEveryStrategy(Path file) {
    Scenario s = new ScenarioReader().read(file);
    WorldAssembly assembly =
        new WorldAssembly(Ec2Catalog.load(CatalogSettings.defaults()), PlanOptions.DEFAULTS);
    WorldAssembly.Inputs inputs = assembly.read(s);
    for (StrategyName strategy : StrategyName.values()) {
      if (strategy == StrategyName.CLUSTER_AUTOSCALER && inputs.nodeGroups().isEmpty()) {
        continue; // --compare leaves it out for scenarios without node groups
      }
      World world = assembly.world(strategy, inputs);
      assertThat(world.config().pools()).as(strategy.label()).isNotEmpty();
      assertThat(world.workloads()).isNotEmpty();
    }
  }
}
