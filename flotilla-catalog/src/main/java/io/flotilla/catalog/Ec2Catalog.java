package io.flotilla.catalog;

import io.flotilla.catalog.pricing.ZoneAlias;
import io.flotilla.catalog.pricing.ZoneAvailability;
import io.flotilla.catalog.pricing.Zones;
import io.flotilla.core.catalog.Catalog;
import java.util.List;

/**
 * The EC2 catalog of us-east-1: every instance type of the bundled data with its devices and CPU
 * baseline, an on-demand and a Spot offering in each zone that offers a priced type (see
 * docs/pricing.md for the zones and the Spot price model), the gp3 price every node's volumes pay,
 * and the user's price file applied on top. Immutable once loaded; load once and share.
 */
public final class Ec2Catalog {
  private final Catalog catalog;
  private final InterruptionBands interruptionBands;
  private final ZoneAvailability zoneAvailability;

  Ec2Catalog(
      Catalog catalog, InterruptionBands interruptionBands, ZoneAvailability zoneAvailability) {
    this.catalog = catalog;
    this.interruptionBands = interruptionBands;
    this.zoneAvailability = zoneAvailability;
  }

  /**
   * Loads the catalog with its interruption bands.
   *
   * @throws io.flotilla.catalog.csv.CatalogDataException when the data or the price file is bad;
   *     its message names every problem by file, line and column
   */
  public static Ec2Catalog open(CatalogSettings settings) {
    return new CatalogLoader(Ec2Catalog.class.getClassLoader()).load(settings);
  }

  /** Loads just the catalog; see {@link #open}. */
  public static Catalog load(CatalogSettings settings) {
    return open(settings).catalog();
  }

  public Catalog catalog() {
    return catalog;
  }

  public InterruptionBands interruptionBands() {
    return interruptionBands;
  }

  /** Which zones offer which types in the bundled offerings (see docs/pricing.md). */
  public ZoneAvailability zoneAvailability() {
    return zoneAvailability;
  }

  /** The zones of the bundled offerings and the zone IDs they are assumed to stand for. */
  public List<ZoneAlias> zones() {
    return Zones.usEast1();
  }
}
