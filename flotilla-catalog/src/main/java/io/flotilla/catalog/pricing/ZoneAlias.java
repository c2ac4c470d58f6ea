package io.flotilla.catalog.pricing;

import java.util.Objects;

/** A zone name as an account sees it (us-east-1a) and the zone ID it stands for (use1-az1). */
public record ZoneAlias(String name, String zoneId) {
  public ZoneAlias {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zoneId, "zoneId");
  }
}
