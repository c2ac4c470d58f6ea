package io.flotilla.catalog.pricing;

import io.flotilla.catalog.csv.CsvRow;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.InterruptionBand;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads ec2-spot-advisor.csv: every row is checked, the rows of one region are kept. */
public final class SpotAdvisorReader {
  public static final String FILE = "ec2-spot-advisor.csv";
  static final String REGION = "region";
  static final String TYPE = "instance_type";
  static final String SAVINGS = "savings_pct";
  static final String BAND = "interruption_band";
  static final String AS_OF = "as_of";
  public static final List<String> COLUMNS = List.of(REGION, TYPE, SAVINGS, BAND, AS_OF);

  private SpotAdvisorReader() {}

  /** The region's rows by instance type; problems anywhere in the file go to errors. */
  public static Map<String, AdvisorRow> read(CsvTable table, String region, Errors errors) {
    Map<String, AdvisorRow> rows = new LinkedHashMap<>();
    Map<String, Long> seen = new HashMap<>();
    errors.forEachRow(
        table.rows(),
        row -> {
          AdvisorRow parsed = parse(row);
          String key = row.text(REGION) + " " + parsed.instanceType();
          Long first = seen.putIfAbsent(key, row.line());
          if (first != null) {
            throw row.fail(TYPE, key + " already given on line " + first);
          }
          if (region.equals(row.raw(REGION))) {
            rows.put(parsed.instanceType(), parsed);
          }
        });
    return rows;
  }

  private static AdvisorRow parse(CsvRow row) {
    // Published as is: one 2025-06 row (ca-central-1 p5.48xlarge) is negative, Spot above
    // on-demand.
    int savings = row.integer(SAVINGS, Integer.MIN_VALUE);
    if (savings > 100) {
      throw row.fail(SAVINGS, "savings above 100 %: " + savings);
    }
    String label = row.text(BAND);
    InterruptionBand band =
        InterruptionBand.parse(label)
            .orElseThrow(
                () -> row.fail(BAND, "unknown band '" + label + "' (<5%, 5-10% ... >20%)"));
    return new AdvisorRow(row.text(TYPE), savings, band, row.text(AS_OF));
  }
}
