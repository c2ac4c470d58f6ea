package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import java.util.Collection;
import java.util.Map;

/**
 * What the Spot Instance Advisor says of every type of the catalog, with the documented fallbacks
 * (family, category, region median) where it has no row: the savings against on-demand and the
 * interruption band. A median band that falls between two bands counts as the higher one.
 */
public final class SpotAdvice {
  private final FallbackMedians savings;
  private final FallbackMedians bands;

  public SpotAdvice(Collection<InstanceType> types, Map<String, AdvisorRow> rows) {
    this.savings =
        new FallbackMedians(types, FallbackMedians.valuesOf(rows, r -> (double) r.savingsPct()));
    this.bands =
        new FallbackMedians(
            types, FallbackMedians.valuesOf(rows, r -> (double) r.band().ordinal()));
  }

  public SpotSavings savings(InstanceType type) {
    Estimate e = savings.estimate(type);
    return new SpotSavings(e.value(), e.derivation());
  }

  public InterruptionEstimate interruption(InstanceType type) {
    Estimate e = bands.estimate(type);
    InterruptionBand band = InterruptionBand.values()[(int) Math.ceil(e.value())];
    return new InterruptionEstimate(band, e.derivation());
  }
}
