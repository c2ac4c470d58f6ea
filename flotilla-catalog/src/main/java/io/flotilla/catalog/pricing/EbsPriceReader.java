package io.flotilla.catalog.pricing;

import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.DataError;
import io.flotilla.catalog.csv.Errors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ebs-prices.csv (USD per GB-month of provisioned storage, per region and volume type) and
 * picks the price of one volume type in one region.
 */
public final class EbsPriceReader {
  public static final String FILE = "ebs-prices.csv";

  /** The volume type priced for every node's volumes: Karpenter's EC2NodeClass default. */
  public static final String VOLUME_TYPE = "gp3";

  static final String REGION = "region";
  static final String TYPE = "volume_type";
  static final String PRICE = "price_usd_gb_month";
  public static final List<String> COLUMNS = List.of(REGION, TYPE, PRICE);

  private EbsPriceReader() {}

  /** The region's price of {@link #VOLUME_TYPE}; 0, with an error added, when it has none. */
  public static double read(CsvTable table, String region, Errors errors) {
    Map<String, Long> seen = new HashMap<>();
    double[] price = {Double.NaN};
    errors.forEachRow(
        table.rows(),
        row -> {
          String key = row.text(REGION) + " " + row.text(TYPE);
          double value = row.price(PRICE);
          Long first = seen.putIfAbsent(key, row.line());
          if (first != null) {
            throw row.fail(TYPE, key + " already given on line " + first);
          }
          if (region.equals(row.raw(REGION)) && VOLUME_TYPE.equals(row.raw(TYPE))) {
            price[0] = value;
          }
        });
    if (Double.isNaN(price[0])) {
      errors.add(
          DataError.ofLine(
              table.header().source(), 0, "no " + VOLUME_TYPE + " price for " + region));
      return 0;
    }
    return price[0];
  }
}
