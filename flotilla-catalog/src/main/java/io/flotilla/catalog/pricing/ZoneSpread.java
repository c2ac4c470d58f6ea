package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.InstanceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a type's Spot price differs from zone to zone, as factors around 1.0 whose mean over the
 * zones offering the type is exactly 1. A type seen in at least two zones of the observations
 * contributes its price in each zone divided by its mean over the zones seen; a zone without such a
 * factor takes the median factor of the type's family in that zone, else 1.0. Types seen in a
 * single zone carry no spread and are treated as unseen.
 */
public final class ZoneSpread {
  private final List<String> zoneIds;
  private final Map<String, double[]> byType;
  private final Map<String, double[]> byFamily;

  /**
   * @param zoneIds the zones offered, in order; observations in other zones are ignored
   * @param types the catalog's types (for their families)
   * @param observed Spot prices observed per zone
   */
  public ZoneSpread(
      List<String> zoneIds, Collection<InstanceType> types, List<SpotPriceRow> observed) {
    this.zoneIds = List.copyOf(zoneIds);
    this.byType = typeFactors(observed);
    Map<String, List<List<Double>>> familyObservations = new HashMap<>();
    for (InstanceType t : types) {
      double[] factors = byType.get(t.name());
      if (factors == null) {
        continue;
      }
      List<List<Double>> perZone =
          familyObservations.computeIfAbsent(t.family(), k -> emptyLists(zoneIds.size()));
      for (int z = 0; z < factors.length; z++) {
        if (!Double.isNaN(factors[z])) {
          perZone.get(z).add(factors[z]);
        }
      }
    }
    Map<String, double[]> families = new HashMap<>();
    familyObservations.forEach((family, perZone) -> families.put(family, medians(perZone)));
    this.byFamily = Map.copyOf(families);
  }

  public List<String> zoneIds() {
    return zoneIds;
  }

  /** Whether the type itself was seen with a price in two zones or more. */
  public boolean observed(String typeName) {
    return byType.containsKey(typeName);
  }

  /**
   * The type's factor in each of the given zones (IDs from {@link #zoneIds()}, the zones that offer
   * the type), in that order; their mean is 1.
   */
  public double[] factors(InstanceType type, List<String> offeredZoneIds) {
    double[] own = byType.get(type.name());
    double[] family = byFamily.get(type.family());
    double[] raw = new double[offeredZoneIds.size()];
    for (int i = 0; i < raw.length; i++) {
      int z = zoneIds.indexOf(offeredZoneIds.get(i));
      if (z < 0) {
        throw new IllegalArgumentException("zone " + offeredZoneIds.get(i) + " not in " + zoneIds);
      }
      if (own != null && !Double.isNaN(own[z])) {
        raw[i] = own[z];
      } else if (family != null && !Double.isNaN(family[z])) {
        raw[i] = family[z];
      } else {
        raw[i] = 1.0;
      }
    }
    double mean = Arrays.stream(raw).average().orElse(1.0);
    return Arrays.stream(raw).map(f -> f / mean).toArray();
  }

  private Map<String, double[]> typeFactors(List<SpotPriceRow> observed) {
    Map<String, double[]> prices = new LinkedHashMap<>();
    for (SpotPriceRow row : observed) {
      int z = zoneIds.indexOf(row.zoneId());
      if (z >= 0) {
        prices.computeIfAbsent(row.instanceType(), k -> nans(zoneIds.size()))[z] = row.price();
      }
    }
    Map<String, double[]> factors = new HashMap<>();
    prices.forEach(
        (type, p) -> {
          double[] seen = Arrays.stream(p).filter(v -> !Double.isNaN(v)).toArray();
          if (seen.length >= 2) {
            double mean = Arrays.stream(seen).average().orElseThrow();
            factors.put(type, Arrays.stream(p).map(v -> v / mean).toArray());
          }
        });
    return Map.copyOf(factors);
  }

  private static double[] medians(List<List<Double>> perZone) {
    return perZone.stream()
        .mapToDouble(values -> values.isEmpty() ? Double.NaN : Medians.of(values))
        .toArray();
  }

  private static double[] nans(int n) {
    double[] values = new double[n];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  private static List<List<Double>> emptyLists(int n) {
    List<List<Double>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }
}
