package io.flotilla.catalog.types;

import io.flotilla.catalog.csv.CsvRow;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.DataError;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.InstanceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads ec2-burstable-baselines.csv: for every burstable type of the catalog, the share of its
 * vCPUs it sustains without spending credits, as AWS's credit table publishes it. A row with no
 * values says AWS publishes no baseline for the type. Each row is checked against the catalog's
 * vCPUs and against AWS's definition, baseline = credits per hour / vCPUs / 60.
 */
public final class BurstableBaselineReader {
  public static final String FILE = "ec2-burstable-baselines.csv";
  static final String TYPE = "instance_type";
  static final String CREDITS = "credits_per_hour";
  static final String VCPU = "vcpu";
  static final String BASELINE = "baseline_pct_per_vcpu";
  public static final List<String> COLUMNS = List.of(TYPE, CREDITS, VCPU, BASELINE);

  private static final double MINUTES_PER_HOUR = 60;
  private static final double TOLERANCE = 1e-9;

  private BurstableBaselineReader() {}

  /**
   * The baseline (a fraction in (0, 1]) of every burstable type, empty where AWS publishes none.
   * Problems (a bad or inconsistent value, a non-burstable, unknown or repeated type, a burstable
   * type without a row) go to errors.
   */
  public static Map<String, Optional<Double>> read(
      CsvTable table, Collection<InstanceType> types, Errors errors) {
    Map<String, InstanceType> byName = new HashMap<>();
    types.forEach(t -> byName.put(t.name(), t));
    Map<String, Optional<Double>> baselines = new LinkedHashMap<>();
    Map<String, Long> seen = new HashMap<>();
    errors.forEachRow(
        table.rows(),
        row -> {
          String name = row.text(TYPE);
          InstanceType type = byName.get(name);
          if (type == null) {
            throw row.fail(TYPE, "unknown instance type '" + name + "'");
          }
          if (!type.burstable()) {
            throw row.fail(TYPE, name + " is not a burstable type");
          }
          Long first = seen.putIfAbsent(name, row.line());
          if (first != null) {
            throw row.fail(TYPE, "instance type " + name + " already given on line " + first);
          }
          baselines.put(name, baseline(row, type));
        });
    for (InstanceType t : types) {
      if (t.burstable() && !seen.containsKey(t.name())) {
        errors.add(
            DataError.ofLine(
                table.header().source(), 0, "no baseline row for burstable type " + t.name()));
      }
    }
    return baselines;
  }

  private static Optional<Double> baseline(CsvRow row, InstanceType type) {
    if (row.optionalText(BASELINE) == null) {
      for (String column : List.of(CREDITS, VCPU)) {
        if (row.optionalText(column) != null) {
          throw row.fail(column, "given without a " + BASELINE);
        }
      }
      return Optional.empty();
    }
    double pct = row.price(BASELINE);
    if (pct <= 0 || pct > 100) {
      throw row.fail(BASELINE, "must be above 0 and at most 100, got " + row.raw(BASELINE));
    }
    int vcpu = row.integer(VCPU, 1);
    if (vcpu != type.vcpu()) {
      throw row.fail(
          VCPU, type.name() + " has " + type.vcpu() + " vCPUs in the catalog, not " + vcpu);
    }
    double credits = row.price(CREDITS);
    double earned = credits * 100 / (vcpu * MINUTES_PER_HOUR);
    if (Math.abs(earned - pct) > TOLERANCE) {
      throw row.fail(
          BASELINE,
          row.raw(CREDITS)
              + " credits per hour over "
              + vcpu
              + " vCPUs is a baseline of "
              + BigDecimal.valueOf(earned)
                  .setScale(4, RoundingMode.HALF_UP)
                  .stripTrailingZeros()
                  .toPlainString()
              + " %, not "
              + row.raw(BASELINE));
    }
    return Optional.of(pct / 100);
  }
}
