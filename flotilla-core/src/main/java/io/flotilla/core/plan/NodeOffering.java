package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.PriceSource;

/**
 * What a planned node is bought as: instance type, capacity type, zone, architecture, the instance
 * price and the price of its volumes (USD per hour; instance price null for an existing node whose
 * offering the catalog does not know, volumes 0 where unknown), its Spot interruption band and
 * where the price comes from.
 */
public record NodeOffering(
    String instanceType,
    CapacityType capacityType,
    String zone,
    String arch,
    Double instancePerHour,
    double storagePerHour,
    InterruptionBand interruptionBand,
    PriceSource priceSource) {

  /** Instance and volumes together, or null when the instance price is unknown. */
  public Double pricePerHour() {
    return instancePerHour == null ? null : instancePerHour + storagePerHour;
  }
}
