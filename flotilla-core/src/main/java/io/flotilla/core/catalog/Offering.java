package io.flotilla.core.catalog;

import java.util.Objects;

/**
 * One way to buy an instance type: in a zone, as spot or on-demand, at a price per hour. {@code
 * band} is the Spot interruption band (null for on-demand, or where nothing is known); {@code
 * source} says whether the price is published, modelled or the user's.
 */
public record Offering(
    InstanceType type,
    String zone,
    CapacityType capacityType,
    double pricePerHour,
    InterruptionBand band,
    PriceSource source) {
  public Offering {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(capacityType, "capacityType");
    Objects.requireNonNull(source, "source");
    if (!(pricePerHour >= 0) || Double.isInfinite(pricePerHour)) {
      throw new IllegalArgumentException(
          type.name() + " " + zone + " " + capacityType.label() + ": bad price " + pricePerHour);
    }
  }

  /** An offering with no band: on-demand prices are published, others modelled. */
  public Offering(InstanceType type, String zone, CapacityType capacityType, double pricePerHour) {
    this(
        type,
        zone,
        capacityType,
        pricePerHour,
        null,
        capacityType == CapacityType.SPOT ? PriceSource.MODELLED : PriceSource.PUBLISHED);
  }

  public Offering withPrice(double price, PriceSource newSource) {
    return new Offering(type, zone, capacityType, price, band, newSource);
  }

  public Offering withBand(InterruptionBand newBand) {
    return new Offering(type, zone, capacityType, pricePerHour, newBand, source);
  }

  @Override
  public String toString() {
    return type.name() + "/" + zone + "/" + capacityType.label() + "@" + pricePerHour;
  }
}
