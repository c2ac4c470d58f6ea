package io.flotilla.catalog.pricing;

import java.util.Objects;

/**
 * A type's Spot discount against on-demand, in percent, and its origin. 0 means no discount; the
 * Advisor has published negative values (Spot above on-demand), which the price model treats as 0.
 */
public record SpotSavings(double pct, Derivation derivation) {
  public SpotSavings {
    Objects.requireNonNull(derivation, "derivation");
    if (!(pct <= 100) || Double.isInfinite(pct)) {
      throw new IllegalArgumentException("savings must be a number up to 100 %, got " + pct);
    }
  }

  /** The share of the on-demand price a Spot instance costs on average, e.g. 0.32 for 68 %. */
  public double priceRatio() {
    return 1 - pct / 100;
  }
}
