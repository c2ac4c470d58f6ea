package io.flotilla.cli.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Hourly prices as printed. JSON keeps six decimals, the catalog's precision. The table shows
 * totals to the cent and each node's price to four decimals: a node costs cents an hour, so rows
 * rounded to the cent would not add up to the total (eleven $0.1672 nodes are $1.84, not 11 x
 * $0.17).
 */
final class Money {
  private Money() {}

  static double round(double usd) {
    return exact(usd).doubleValue();
  }

  /** A total, to the cent: "1.84". */
  static String cents(double usd) {
    return exact(usd).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** One node's hourly price, to four decimals: "0.1672". */
  static String nodePrice(double usd) {
    return exact(usd).setScale(4, RoundingMode.HALF_UP).toPlainString();
  }

  /** Six decimals first, so binary noise (0.1672000000001) never decides a rounding. */
  private static BigDecimal exact(double usd) {
    return BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_EVEN);
  }
}
