package io.flotilla.cli.simulate;

import io.flotilla.sim.metrics.Timeline;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code flotilla simulate} ran: one run per strategy, on the same scenario and seed, and
 * notes on what it did not run.
 */
record SimulationResults(
    String scenario,
    long seed,
    Duration duration,
    Duration warmUp,
    boolean compared,
    List<StrategyRun> runs,
    List<String> notes) {
  /** One strategy's figures (as printed) and its timeline (for the report). */
  record StrategyRun(StrategyName strategy, Map<String, Object> figures, Timeline timeline) {
    StrategyRun {
      figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
  }

  SimulationResults {
    runs = List.copyOf(runs);
    notes = List.copyOf(notes);
  }
}
