package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.catalog.PriceSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offerings of a type: in each zone that offers it, on-demand at the published price and Spot
 * at {@code on-demand x (1 - savings/100) x zone factor}, rounded to a millionth of a dollar and
 * never above on-demand, carrying the type's interruption band. Savings of 0 (or a negative
 * published value) mean no discount in any zone. Types without an on-demand price, and burstable
 * types without a published CPU baseline, get no offerings.
 */
public final class SpotPriceModel {
  static final double PRICE_STEP = 1_000_000d;

  private final Map<String, String> zoneNames;
  private final SpotAdvice advice;
  private final ZoneSpread spread;
  private final ZoneAvailability availability;

  public SpotPriceModel(
      List<ZoneAlias> zones, SpotAdvice advice, ZoneSpread spread, ZoneAvailability availability) {
    this.advice = advice;
    this.spread = spread;
    this.availability = availability;
    Map<String, String> names = new HashMap<>();
    zones.forEach(z -> names.put(z.zoneId(), z.name()));
    this.zoneNames = Map.copyOf(names);
    List<String> ids = zones.stream().map(ZoneAlias::zoneId).toList();
    if (!ids.equals(spread.zoneIds()) || !ids.equals(availability.zoneIds())) {
      throw new IllegalArgumentException(
          "zone spread and availability must be over "
              + ids
              + ", not "
              + spread.zoneIds()
              + " and "
              + availability.zoneIds());
    }
  }

  /** Whether the catalog can sell the type at all. */
  public static boolean offerable(InstanceType type) {
    return type.onDemandPrice() != null && (!type.burstable() || type.cpuBaseline() != null);
  }

  public List<Offering> offerings(InstanceType type) {
    if (!offerable(type)) {
      return List.of();
    }
    double onDemand = type.onDemandPrice();
    SpotSavings savings = advice.savings(type);
    InterruptionBand band = advice.interruption(type).band();
    List<String> zoneIds = availability.zoneIds(type);
    double[] factors = spread.factors(type, zoneIds);
    List<Offering> offerings = new ArrayList<>(zoneIds.size() * 2);
    for (int z = 0; z < zoneIds.size(); z++) {
      String zone = zoneNames.get(zoneIds.get(z));
      offerings.add(
          new Offering(type, zone, CapacityType.ON_DEMAND, onDemand, null, PriceSource.PUBLISHED));
      offerings.add(
          new Offering(
              type,
              zone,
              CapacityType.SPOT,
              spotPrice(onDemand, savings, factors[z]),
              band,
              PriceSource.MODELLED));
    }
    return offerings;
  }

  static double spotPrice(double onDemand, SpotSavings savings, double zoneFactor) {
    if (savings.pct() <= 0) {
      return onDemand;
    }
    double price =
        Math.round(onDemand * savings.priceRatio() * zoneFactor * PRICE_STEP) / PRICE_STEP;
    return Math.min(onDemand, price);
  }
}
