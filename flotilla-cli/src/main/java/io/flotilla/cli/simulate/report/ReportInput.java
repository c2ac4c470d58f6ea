package io.flotilla.cli.simulate.report;

import java.util.List;
import java.util.Objects;

/** Everything one {@code flotilla simulate --report} page shows: the scenario and each strategy. */
public record ReportInput(String scenario, long seed, List<StrategyReport> strategies) {
  public ReportInput {
    Objects.requireNonNull(scenario, "scenario");
    strategies = List.copyOf(strategies);
  }
}
