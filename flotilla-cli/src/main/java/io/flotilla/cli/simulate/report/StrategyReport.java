package io.flotilla.cli.simulate.report;

import io.flotilla.sim.metrics.Timeline;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One strategy's run: {@code figures} is the summary in the order the JSON output prints it
 * (numbers, nested maps of numbers, or anything Jackson can turn into those), {@code timeline} its
 * samples and markers.
 */
public record StrategyReport(String strategy, Map<String, Object> figures, Timeline timeline) {
  public StrategyReport {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(timeline, "timeline");
    // Map.copyOf would lose the order the table rows follow.
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }
}
