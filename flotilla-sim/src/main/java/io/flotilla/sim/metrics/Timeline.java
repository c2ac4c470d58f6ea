package io.flotilla.sim.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run over time, for the report's charts: samples at a fixed virtual interval and markers where
 * something happened (an interruption, a consolidation, an injected fault). Times are seconds since
 * the run's start.
 */
public record Timeline(List<Sample> samples, List<Marker> markers) {
  /**
   * The cluster at one instant. {@code nodes} counts joined and in-flight nodes by {@code
   * "<arch>/<capacity type>"} (e.g. {@code "arm64/spot"}); {@code costPerHour} is the sum of the
   * running instances' prices; {@code inputRate} (records/s), {@code lagSeconds} and {@code
   * taskManagers} describe the Flink job (all 0 when the world has none).
   */
  public record Sample(
      double atSeconds,
      Map<String, Integer> nodes,
      double costPerHour,
      int pendingPods,
      int taskManagers,
      double inputRate,
      double lagSeconds) {
    public Sample {
      nodes = Map.copyOf(nodes);
    }
  }

  /** Something that happened: {@code kind} is e.g. "interruption", "consolidation", "fault". */
  public record Marker(double atSeconds, String kind, String label) {
    public Marker {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
    }
  }

  public static final Timeline EMPTY = new Timeline(List.of(), List.of());

  public Timeline {
    samples = List.copyOf(samples);
    markers = List.copyOf(markers);
  }
}
