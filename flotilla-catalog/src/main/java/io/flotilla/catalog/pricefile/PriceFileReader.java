package io.flotilla.catalog.pricefile;

import io.flotilla.catalog.csv.CsvResource;
import io.flotilla.catalog.csv.CsvRow;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.catalog.pricing.Zones;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a user's price file ({@code instance_type,zone,capacity_type,price_usd_hour}) and checks
 * every row against the catalog's types. Any problem fails the whole file, with every problem named
 * by file, line and column.
 */
public final class PriceFileReader {
  static final String TYPE = "instance_type";
  static final String ZONE = "zone";
  static final String CAPACITY_TYPE = "capacity_type";
  static final String PRICE = "price_usd_hour";
  public static final List<String> COLUMNS = List.of(TYPE, ZONE, CAPACITY_TYPE, PRICE);

  private final CsvResource files;

  public PriceFileReader(CsvResource files) {
    this.files = files;
  }

  /** Every override of the file, in file order; throws CatalogDataException on any problem. */
  public List<PriceOverride> read(Path file, Map<String, InstanceType> types) {
    Errors errors = new Errors();
    CsvTable table = files.file(file, COLUMNS, errors);
    List<PriceOverride> overrides = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    errors.forEachRow(
        table.rows(),
        row -> {
          PriceOverride o = parse(row, types);
          String key = o.instanceType() + " " + o.zone() + " " + o.capacityType().label();
          Long first = seen.putIfAbsent(key, row.line());
          if (first != null) {
            throw row.fail(TYPE, "duplicate row: " + key + " already priced on line " + first);
          }
          overrides.add(o);
        });
    errors.throwIfAny();
    return List.copyOf(overrides);
  }

  private static PriceOverride parse(CsvRow row, Map<String, InstanceType> types) {
    String type = row.text(TYPE);
    InstanceType known = types.get(type);
    if (known == null) {
      throw row.fail(TYPE, "unknown instance type '" + type + "'");
    }
    if (known.burstable() && known.cpuBaseline() == null) {
      throw row.fail(
          TYPE,
          type + " is burstable and AWS publishes no CPU baseline for it, so it cannot be planned");
    }
    String zone = row.text(ZONE);
    if (!Zones.isZoneName(zone)) {
      throw row.fail(ZONE, "'" + zone + "' is not a zone of " + Zones.REGION);
    }
    String capacity = row.text(CAPACITY_TYPE);
    CapacityType capacityType =
        switch (capacity) {
          case "spot" -> CapacityType.SPOT;
          case "on-demand" -> CapacityType.ON_DEMAND;
          default ->
              throw row.fail(
                  CAPACITY_TYPE,
                  "unknown capacity type '" + capacity + "' (expected spot or on-demand)");
        };
    return new PriceOverride(type, zone, capacityType, row.price(PRICE), row.line());
  }
}
