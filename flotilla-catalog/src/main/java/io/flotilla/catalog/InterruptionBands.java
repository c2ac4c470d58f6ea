package io.flotilla.catalog;

import io.flotilla.catalog.pricing.InterruptionEstimate;
import io.flotilla.catalog.pricing.SpotAdvice;
import io.flotilla.catalog.pricing.SpotSavings;
import io.flotilla.core.catalog.Catalog;
import java.util.Optional;

/**
 * The Spot interruption band (and Spot savings) of each catalog type: published by the Spot
 * Instance Advisor, or the median of the type's family, category or region where it is not.
 */
public final class InterruptionBands {
  private final Catalog catalog;
  private final SpotAdvice advice;

  InterruptionBands(Catalog catalog, SpotAdvice advice) {
    this.catalog = catalog;
    this.advice = advice;
  }

  /** The band of a type; empty for a type the catalog does not know. */
  public Optional<InterruptionEstimate> of(String instanceType) {
    return catalog.type(instanceType).map(advice::interruption);
  }

  /** The Spot savings the price model uses for a type; empty for an unknown type. */
  public Optional<SpotSavings> savings(String instanceType) {
    return catalog.type(instanceType).map(advice::savings);
  }
}
