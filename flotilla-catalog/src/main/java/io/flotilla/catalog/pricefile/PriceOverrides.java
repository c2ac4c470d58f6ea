package io.flotilla.catalog.pricefile;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.catalog.PriceSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies checked overrides to offerings: replaces a price in place (the offering keeps its band)
 * or adds a new offering (a Spot one with the type's band, an on-demand one with none). Either way
 * the price's source becomes {@link PriceSource#PRICE_FILE}.
 */
public final class PriceOverrides {
  private PriceOverrides() {}

  /**
   * @param bandOf the interruption band of a type, for the Spot offerings the file adds
   */
  public static List<Offering> apply(
      List<Offering> offerings,
      List<PriceOverride> overrides,
      Map<String, InstanceType> types,
      Function<InstanceType, InterruptionBand> bandOf) {
    Map<Key, Offering> byKey = new LinkedHashMap<>();
    for (Offering o : offerings) {
      byKey.put(new Key(o.type().name(), o.zone(), o.capacityType()), o);
    }
    for (PriceOverride p : overrides) {
      InstanceType type = types.get(p.instanceType());
      if (type == null) {
        throw new IllegalArgumentException("override of unknown type " + p.instanceType());
      }
      Key key = new Key(p.instanceType(), p.zone(), p.capacityType());
      Offering replaced = byKey.get(key);
      byKey.put(
          key,
          replaced != null
              ? replaced.withPrice(p.pricePerHour(), PriceSource.PRICE_FILE)
              : new Offering(
                  type,
                  p.zone(),
                  p.capacityType(),
                  p.pricePerHour(),
                  p.capacityType() == CapacityType.SPOT ? bandOf.apply(type) : null,
                  PriceSource.PRICE_FILE));
    }
    return new ArrayList<>(byKey.values());
  }

  private record Key(String type, String zone, CapacityType capacityType) {}
}
