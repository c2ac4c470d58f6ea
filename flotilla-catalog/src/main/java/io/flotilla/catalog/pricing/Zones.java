package io.flotilla.catalog.pricing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The region and zones the catalog sells in. Zone names are per-account aliases of zone IDs; the
 * catalog assumes the fixed mapping us-east-1a -> use1-az1 ... us-east-1f -> use1-az6.
 */
public final class Zones {
  public static final String REGION = "us-east-1";

  private static final List<ZoneAlias> US_EAST_1 =
      List.of(
          new ZoneAlias("us-east-1a", "use1-az1"),
          new ZoneAlias("us-east-1b", "use1-az2"),
          new ZoneAlias("us-east-1c", "use1-az3"),
          new ZoneAlias("us-east-1d", "use1-az4"),
          new ZoneAlias("us-east-1e", "use1-az5"),
          new ZoneAlias("us-east-1f", "use1-az6"));

  /** A zone of the region: us-east-1a, or a Local Zone such as us-east-1-bos-1a. */
  private static final Pattern ZONE_NAME = Pattern.compile("us-east-1([a-z]|-[a-z0-9-]*[a-z])");

  private Zones() {}

  /** The six zones of us-east-1, in name order. */
  public static List<ZoneAlias> usEast1() {
    return US_EAST_1;
  }

  /** The zone ID a zone name stands for under the assumed mapping. */
  public static Optional<String> zoneId(String zoneName) {
    return US_EAST_1.stream()
        .filter(z -> z.name().equals(zoneName))
        .map(ZoneAlias::zoneId)
        .findFirst();
  }

  /** Whether a name has the form of a zone of the region (for zones a price file adds). */
  public static boolean isZoneName(String text) {
    return ZONE_NAME.matcher(text).matches();
  }
}
