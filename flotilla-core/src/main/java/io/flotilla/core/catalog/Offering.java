package io.flotilla.core.catalog;

import java.util.Objects;

/** One way to buy an instance type: in a zone, as spot or on-demand, at a price per hour. */
public record Offering(
    InstanceType type, String zone, CapacityType capacityType, double pricePerHour) {
  public Offering {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(capacityType, "capacityType");
    if (!(pricePerHour >= 0) || Double.isInfinite(pricePerHour)) {
      throw new IllegalArgumentException(
          type.name() + " " + zone + " " + capacityType.label() + ": bad price " + pricePerHour);
    }
  }

  @Override
  public String toString() {
    return type.name() + "/" + zone + "/" + capacityType.label() + "@" + pricePerHour;
  }
}
