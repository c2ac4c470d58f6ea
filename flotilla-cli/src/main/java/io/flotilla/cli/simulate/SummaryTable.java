package io.flotilla.cli.simulate;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures as a table: one row per figure (nested figures as {@code costByArch.arm64}), one
 * column per strategy; money to the cent, other fractions to one decimal.
 */
final class SummaryTable {
  private SummaryTable() {}

  static void print(PrintWriter out, SimulationResults results) {
    out.printf(
        "scenario %s, seed %d, %s simulated%s%n",
        results.scenario(),
        results.seed(),
        DurationText.of(results.duration()),
        results.warmUp().isZero()
            ? ""
            : ", figures from " + DurationText.of(results.warmUp()) + " on (warm-up)");
    List<Map<String, Object>> columns = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    headers.add("");
    for (SimulationResults.StrategyRun run : results.runs()) {
      headers.add(run.strategy().label());
      columns.add(flatten("", run.figures(), new LinkedHashMap<>()));
    }
    List<String> keys = new ArrayList<>();
    columns.forEach(c -> c.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add));
    List<List<String>> rows = new ArrayList<>();
    rows.add(headers);
    for (String key : keys) {
      List<String> row = new ArrayList<>();
      row.add(key);
      columns.forEach(c -> row.add(c.containsKey(key) ? format(key, c.get(key)) : "-"));
      rows.add(row);
    }
    int[] widths = new int[headers.size()];
    rows.forEach(
        r -> {
          for (int i = 0; i < r.size(); i++) {
            widths[i] = Math.max(widths[i], r.get(i).length());
          }
        });
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder(pad(r.get(0), widths[0], false));
      for (int i = 1; i < r.size(); i++) {
        line.append("  ").append(pad(r.get(i), widths[i], true));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flatten(
      String prefix, Map<String, Object> figures, Map<String, Object> into) {
    figures.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> nested) {
            flatten(prefix + k + ".", (Map<String, Object>) nested, into);
          } else {
            into.put(prefix + k, v);
          }
        });
    return into;
  }

  private static String format(String key, Object value) {
    if (value instanceof BigDecimal d) {
      int scale = key.toLowerCase(Locale.ROOT).contains("cost") ? 2 : 1;
      return d.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
    return String.valueOf(value);
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
