package io.flotilla.catalog.pricefile;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies checked overrides to offerings: replaces a price in place or adds a new offering. */
public final class PriceOverrides {
  private PriceOverrides() {}

  public static List<Offering> apply(
      List<Offering> offerings, List<PriceOverride> overrides, Map<String, InstanceType> types) {
    Map<Key, Offering> byKey = new LinkedHashMap<>();
    for (Offering o : offerings) {
      byKey.put(new Key(o.type().name(), o.zone(), o.capacityType()), o);
    }
    for (PriceOverride p : overrides) {
      InstanceType type = types.get(p.instanceType());
      if (type == null) {
        throw new IllegalArgumentException("override of unknown type " + p.instanceType());
      }
      byKey.put(
          new Key(p.instanceType(), p.zone(), p.capacityType()),
          new Offering(type, p.zone(), p.capacityType(), p.pricePerHour()));
    }
    return new ArrayList<>(byKey.values());
  }

  private record Key(String type, String zone, CapacityType capacityType) {}
}
