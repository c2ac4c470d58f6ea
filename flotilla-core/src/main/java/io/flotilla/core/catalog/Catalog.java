package io.flotilla.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The instance types of a region and every offering of them, as the cloud sells them. */
public final class Catalog {
  private final String region;
  private final Map<String, InstanceType> types;
  private final Map<String, List<Offering>> offeringsByType;
  private final List<Offering> offerings;
  private final List<String> zones;
  private final double ebsPricePerGibMonth;

  /** A catalog whose nodes pay nothing for their volumes (tests, price-only comparisons). */
  public Catalog(String region, List<InstanceType> types, List<Offering> offerings) {
    this(region, types, offerings, 0);
  }

  /**
   * @param ebsPricePerGibMonth what a node's EBS volumes cost, USD per GiB-month (gp3)
   */
  public Catalog(
      String region,
      List<InstanceType> types,
      List<Offering> offerings,
      double ebsPricePerGibMonth) {
    if (!(ebsPricePerGibMonth >= 0) || Double.isInfinite(ebsPricePerGibMonth)) {
      throw new IllegalArgumentException("bad EBS price " + ebsPricePerGibMonth);
    }
    this.ebsPricePerGibMonth = ebsPricePerGibMonth;
    this.region = region;
    Map<String, InstanceType> byName = new LinkedHashMap<>();
    for (InstanceType t : types) {
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("instance type listed twice: " + t.name());
      }
    }
    Map<String, List<Offering>> grouped = new LinkedHashMap<>();
    TreeSet<String> zoneSet = new TreeSet<>();
    for (Offering o : offerings) {
      if (!byName.containsKey(o.type().name())) {
        throw new IllegalArgumentException("offering of unknown type " + o.type().name());
      }
      grouped.computeIfAbsent(o.type().name(), k -> new ArrayList<>()).add(o);
      zoneSet.add(o.zone());
    }
    grouped.replaceAll((k, v) -> List.copyOf(v));
    this.types = Collections.unmodifiableMap(byName);
    this.offeringsByType = Collections.unmodifiableMap(grouped);
    this.offerings = List.copyOf(offerings);
    this.zones = List.copyOf(zoneSet);
  }

  public String region() {
    return region;
  }

  public List<InstanceType> types() {
    return List.copyOf(types.values());
  }

  public Optional<InstanceType> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public List<Offering> offerings() {
    return offerings;
  }

  public List<Offering> offerings(String typeName) {
    return offeringsByType.getOrDefault(typeName, List.of());
  }

  public List<String> zones() {
    return zones;
  }

  /** USD per GiB-month of the EBS volumes every node carries. */
  public double ebsPricePerGibMonth() {
    return ebsPricePerGibMonth;
  }

  /**
   * What a node's volumes of this many bytes cost per hour (a month is 730 hours, as AWS bills).
   */
  public double storagePerHour(long bytes) {
    return ebsPricePerGibMonth * bytes / (double) (1L << 30) / HOURS_PER_MONTH;
  }

  public static final double HOURS_PER_MONTH = 730;

  /** The price of one offering, if the catalog sells it. */
  public Optional<Offering> offering(String typeName, String zone, CapacityType capacityType) {
    return offerings(typeName).stream()
        .filter(o -> o.zone().equals(zone) && o.capacityType() == capacityType)
        .findFirst();
  }
}
