package io.flotilla.catalog.pricing;

import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.Errors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads ec2-spot-prices.csv: every row is checked, the rows of one region are kept. */
public final class SpotPriceReader {
  public static final String FILE = "ec2-spot-prices.csv";
  static final String REGION = "region";
  static final String ZONE = "zone";
  static final String TYPE = "instance_type";
  static final String PRICE = "price_usd_hour";
  static final String OBSERVED_AT = "observed_at";
  public static final List<String> COLUMNS = List.of(REGION, ZONE, TYPE, PRICE, OBSERVED_AT);

  private SpotPriceReader() {}

  public static List<SpotPriceRow> read(CsvTable table, String region, Errors errors) {
    List<SpotPriceRow> rows = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    errors.forEachRow(
        table.rows(),
        row -> {
          String type = row.text(TYPE);
          String zone = row.text(ZONE);
          double price = row.price(PRICE);
          if (price == 0) {
            throw row.fail(PRICE, "a Spot price must be positive");
          }
          Long first = seen.putIfAbsent(zone + " " + type, row.line());
          if (first != null) {
            throw row.fail(TYPE, type + " in " + zone + " already given on line " + first);
          }
          if (region.equals(row.text(REGION))) {
            rows.add(new SpotPriceRow(zone, type, price));
          }
        });
    return rows;
  }
}
