package io.flotilla.cli.simulate;

import io.flotilla.sim.metrics.Summary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's figures in the order {@code --output json}, the table and the report print them: money
 * in USD to six decimals, seconds and hours to three, so the same run prints the same bytes.
 */
final class SummaryFigures {
  private SummaryFigures() {}

  static Map<String, Object> of(Summary s) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("totalCost", round(s.totalCost(), 6));
    f.put("costByCapacityType", rounded(s.costByCapacityType(), 6));
    f.put("costByArch", rounded(s.costByArch(), 6));
    f.put("nodeHours", round(s.nodeHours(), 3));
    f.put("maxNodes", s.maxNodes());
    Map<String, Object> pending = new LinkedHashMap<>();
    pending.put("p50", round(s.podPendingSeconds().p50(), 3));
    pending.put("p99", round(s.podPendingSeconds().p99(), 3));
    pending.put("max", round(s.podPendingSeconds().max(), 3));
    f.put("podPendingSeconds", pending);
    f.put("podsStillPending", s.podsStillPending());
    f.put("interruptions", s.interruptions());
    f.put("podsEvicted", s.podsEvicted());
    f.put("podsLostWithNode", s.podsLostWithNode());
    f.put("pdbViolations", s.pdbViolations());
    f.put("flinkRestarts", s.flinkRestarts());
    f.put("flinkRecomputedSeconds", round(s.flinkRecomputedSeconds(), 3));
    f.put("flinkMaxLagSeconds", round(s.flinkMaxLagSeconds(), 3));
    f.put("flinkDowntimeSeconds", round(s.flinkDowntimeSeconds(), 3));
    return f;
  }

  /** A fixed number of decimals, printed plain (never 9.65E-4). */
  static BigDecimal round(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
  }

  private static Map<String, Object> rounded(Map<String, Double> values, int decimals) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), round(e.getValue(), decimals)));
    return out;
  }
}
