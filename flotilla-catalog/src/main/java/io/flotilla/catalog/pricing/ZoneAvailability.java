package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.InstanceType;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which zones of the region offer a type, read from the only zone-level data there is: the Spot
 * price snapshot. A zone offers a type when the snapshot observed the type there, or any type of
 * its family. A family the snapshot never observed in the region (mostly families newer than the
 * snapshot) is offered in the zones where the snapshot observed at least half as many families as
 * in its best-covered zone: zones that, like use1-az3, host only old families get no new ones.
 */
public final class ZoneAvailability {
  private final List<String> zoneIds;
  private final Map<String, Set<String>> zonesByFamily;
  private final Map<String, Integer> familiesByZone;
  private final List<String> zonesForUnobserved;

  /**
   * @param zoneIds the region's zone IDs, in order; observations elsewhere are ignored
   * @param types the catalog's types, for their families (other observed types count by the part of
   *     their name before the dot)
   * @param observed the Spot prices observed per zone
   */
  public ZoneAvailability(
      List<String> zoneIds, Collection<InstanceType> types, List<SpotPriceRow> observed) {
    this.zoneIds = List.copyOf(zoneIds);
    Map<String, String> familyOf = new HashMap<>();
    types.forEach(t -> familyOf.put(t.name(), t.family()));
    Map<String, Set<String>> byFamily = new HashMap<>();
    for (SpotPriceRow row : observed) {
      if (zoneIds.contains(row.zoneId())) {
        String type = row.instanceType();
        String family = familyOf.computeIfAbsent(type, ZoneAvailability::familyOfName);
        byFamily.computeIfAbsent(family, k -> new HashSet<>()).add(row.zoneId());
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    zoneIds.forEach(z -> counts.put(z, 0));
    byFamily.values().forEach(zones -> zones.forEach(z -> counts.merge(z, 1, Integer::sum)));
    int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    this.zonesByFamily = Map.copyOf(byFamily);
    this.familiesByZone = Collections.unmodifiableMap(counts);
    this.zonesForUnobserved = zoneIds.stream().filter(z -> 2 * counts.get(z) >= best).toList();
  }

  private static String familyOfName(String type) {
    int dot = type.indexOf('.');
    return dot < 0 ? type : type.substring(0, dot);
  }

  public List<String> zoneIds() {
    return zoneIds;
  }

  /** The zone IDs that offer the type, in the region's zone order. */
  public List<String> zoneIds(InstanceType type) {
    Set<String> observed = zonesByFamily.get(type.family());
    return observed == null
        ? zonesForUnobserved
        : zoneIds.stream().filter(observed::contains).toList();
  }

  /** Whether the snapshot observed any type of the family in the region. */
  public boolean familyObserved(String family) {
    return zonesByFamily.containsKey(family);
  }

  /** How many families the snapshot observed in each zone, in zone order. */
  public Map<String, Integer> familiesObserved() {
    return familiesByZone;
  }

  /** The zones offering a family the snapshot never observed in the region. */
  public List<String> zonesForUnobservedFamilies() {
    return zonesForUnobserved;
  }
}
