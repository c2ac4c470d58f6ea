package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import java.util.ArrayList;
import java.util.List;

/**
 * The offerings of a type: per zone, on-demand at the published price and Spot at {@code on-demand
 * x (1 - savings/100) x zone factor}, rounded to a millionth of a dollar and never above on-demand.
 * Savings of 0 (or a negative published value) mean no discount in any zone. Types without an
 * on-demand price get no offerings.
 */
public final class SpotPriceModel {
  static final double PRICE_STEP = 1_000_000d;

  private final List<ZoneAlias> zones;
  private final SpotAdvice advice;
  private final ZoneSpread spread;

  public SpotPriceModel(List<ZoneAlias> zones, SpotAdvice advice, ZoneSpread spread) {
    this.zones = List.copyOf(zones);
    this.advice = advice;
    this.spread = spread;
    List<String> ids = zones.stream().map(ZoneAlias::zoneId).toList();
    if (!ids.equals(spread.zoneIds())) {
      throw new IllegalArgumentException(
          "zone spread is over " + spread.zoneIds() + ", not " + ids);
    }
  }

  public List<Offering> offerings(InstanceType type) {
    Double onDemand = type.onDemandPrice();
    if (onDemand == null) {
      return List.of();
    }
    SpotSavings savings = advice.savings(type);
    double[] factors = spread.factors(type);
    List<Offering> offerings = new ArrayList<>(zones.size() * 2);
    for (int z = 0; z < zones.size(); z++) {
      String zone = zones.get(z).name();
      offerings.add(new Offering(type, zone, CapacityType.ON_DEMAND, onDemand));
      offerings.add(
          new Offering(type, zone, CapacityType.SPOT, spotPrice(onDemand, savings, factors[z])));
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
