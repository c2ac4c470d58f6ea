package io.flotilla.cli.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Hourly prices as printed: six decimals, like the catalog's prices, so sums stay exact. */
final class Money {
  private Money() {}

  static double round(double usd) {
    return BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
  }

  static String format(double usd) {
    return String.format(java.util.Locale.ROOT, "%.4f", usd);
  }
}
