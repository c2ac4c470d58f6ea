package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.InterruptionBand;
import java.util.Objects;

/** A type's Spot interruption band in the catalog's region, and where it comes from. */
public record InterruptionEstimate(InterruptionBand band, Derivation derivation) {
  public InterruptionEstimate {
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(derivation, "derivation");
  }

  /** The band's midpoint: fraction of Spot capacity reclaimed per month. */
  public double monthlyRate() {
    return band.monthlyRateMidpoint();
  }
}
