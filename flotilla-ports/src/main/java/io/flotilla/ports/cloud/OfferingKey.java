package io.flotilla.ports.cloud;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Offering;
import java.util.Objects;

/** What the cloud sells as one capacity pool: an instance type in a zone, Spot or on-demand. */
public record OfferingKey(String type, String zone, CapacityType capacityType) {
  public OfferingKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(capacityType, "capacityType");
  }

  public static OfferingKey of(Offering offering) {
    return new OfferingKey(offering.type().name(), offering.zone(), offering.capacityType());
  }

  @Override
  public String toString() {
    return type + "/" + zone + "/" + capacityType.label();
  }
}
