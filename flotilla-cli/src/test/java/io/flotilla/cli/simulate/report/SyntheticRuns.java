package io.flotilla.cli.simulate.report;

import io.flotilla.sim.metrics.Timeline;
import io.flotilla.sim.metrics.Timeline.Marker;
import io.flotilla.sim.metrics.Timeline.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Made-up runs shaped like the simulator's: a daily load cycle, Spot interruptions, faults. */
final class SyntheticRuns {
  private SyntheticRuns() {}

  static final double STEP_SECONDS = 300;
  static final int SAMPLES = 577; // two days at five minutes

  static ReportInput twoStrategies(String secondName, String hostileLabel) {
    return new ReportInput(
        "diurnal-flink",
        42,
        List.of(
            new StrategyReport(
                "flotilla", figures(412.37, 0.41, 3), timeline(true, 0.2, hostileLabel)),
            new StrategyReport(secondName, figures(655.02, 0, 0), timeline(false, 1.0, "n/a"))));
  }

  static Map<String, Object> figures(double totalCost, double spotShare, int interruptions) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("totalCost", totalCost);
    Map<String, Double> byCapacity = new LinkedHashMap<>();
    byCapacity.put("on-demand", totalCost * (1 - spotShare));
    byCapacity.put("spot", totalCost * spotShare);
    figures.put("costByCapacityType", byCapacity);
    figures.put("costByArch", Map.of("arm64", totalCost * 0.7));
    figures.put("nodeHours", 1234.5);
    figures.put("maxNodes", 31);
    Map<String, Double> pending = new LinkedHashMap<>();
    pending.put("p50", 4.0);
    pending.put("p99", 61.5);
    pending.put("max", 0.0042);
    figures.put("podPendingSeconds", pending);
    figures.put("interruptions", interruptions);
    figures.put("podsEvicted", 17L);
    figures.put("pdbViolations", 0);
    figures.put("flinkRestarts", interruptions);
    figures.put("flinkMaxLagSeconds", 95.25);
    return figures;
  }

  /** A daily cycle; {@code spot} runs part of the fleet on Spot and gets interrupted. */
  static Timeline timeline(boolean spot, double onDemandShare, String label) {
    List<Sample> samples = new ArrayList<>();
    List<Marker> markers = new ArrayList<>();
    double lag = 0;
    for (int i = 0; i < SAMPLES; i++) {
      double t = i * STEP_SECONDS;
      double load = 0.5 - 0.5 * Math.cos(2 * Math.PI * t / 86400);
      double rate = 20_000 + 60_000 * load;
      int taskManagers = (int) Math.ceil(rate / 8_000);
      // Spot runs more, smaller nodes; the on-demand run fewer, larger ones.
      int nodes = spot ? 4 + taskManagers : 2 + (taskManagers + 1) / 2 * 2;
      Map<String, Integer> byKey = new LinkedHashMap<>();
      int onDemand = (int) Math.ceil(nodes * onDemandShare);
      byKey.put("arm64/on-demand", onDemand / 2 + onDemand % 2);
      byKey.put("amd64/on-demand", onDemand / 2);
      if (spot) {
        byKey.put("arm64/spot", (nodes - onDemand) - (nodes - onDemand) / 3);
        byKey.put("amd64/spot", (nodes - onDemand) / 3);
      }
      boolean interrupted = spot && i % 97 == 60;
      if (interrupted) {
        markers.add(new Marker(t, "interruption", "i-0abc" + i + " " + label));
        lag = 90;
      }
      if (i % 144 == 100) {
        markers.add(new Marker(t, "consolidation", "replaced 2 nodes"));
      }
      if (i == 400) {
        markers.add(new Marker(t, "fault", "az use1-az2 lost"));
      }
      lag = Math.max(0, lag * 0.8 - 1);
      double price = spot ? 0.9 : 1.4;
      samples.add(
          new Sample(
              t,
              byKey,
              nodes * price * (0.8 + 0.2 * load),
              interrupted ? 6 : (int) (3 * load),
              taskManagers,
              rate,
              lag));
    }
    return new Timeline(samples, markers);
  }
}
