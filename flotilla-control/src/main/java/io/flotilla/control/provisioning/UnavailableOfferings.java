package io.flotilla.control.provisioning;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Offering;
import io.flotilla.ports.cloud.OfferingKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Offerings the cloud recently had no capacity for. As Karpenter's unavailable-offerings cache
 * does, an insufficient-capacity error keeps that (type, zone, capacity type) out of planning for a
 * while (3 minutes by default), so the next plan picks another offering instead of failing again.
 */
public final class UnavailableOfferings {
  /** Karpenter's time-to-live for an insufficient-capacity entry. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(3);

  private final Duration ttl;
  private final Map<OfferingKey, Instant> until = new HashMap<>();

  public UnavailableOfferings(Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("time-to-live must be positive: " + ttl);
    }
    this.ttl = ttl;
  }

  public UnavailableOfferings() {
    this(DEFAULT_TTL);
  }

  /** Records that the cloud had no capacity for {@code offering} at {@code now}. */
  public void mark(OfferingKey offering, Instant now) {
    until.put(offering, now.plus(ttl));
  }

  public boolean contains(OfferingKey offering, Instant now) {
    Instant end = until.get(offering);
    return end != null && now.isBefore(end);
  }

  /** The offerings unavailable at {@code now}, in a stable order. */
  public List<OfferingKey> at(Instant now) {
    until.values().removeIf(end -> !now.isBefore(end));
    return until.keySet().stream().sorted(Comparator.comparing(OfferingKey::toString)).toList();
  }

  /** The catalog without the offerings unavailable at {@code now} (itself when there are none). */
  public Catalog without(Catalog catalog, Instant now) {
    if (at(now).isEmpty()) {
      return catalog;
    }
    List<Offering> left =
        catalog.offerings().stream().filter(o -> !contains(OfferingKey.of(o), now)).toList();
    return new Catalog(catalog.region(), catalog.types(), left, catalog.ebsPricePerGibMonth());
  }
}
