package io.flotilla.core.plan;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a pool makes of an instance type before any offering or pod is looked at (its nodes' base
 * labels, the pool's open requirements, whether the pool admits the type, allocatable and
 * capacity), remembered across plans: a controller plans the same pools over the same catalog again
 * and again (consolidation simulates many times a minute), and working this out for every type of
 * the catalog was a good part of each plan. A pure function of the pool, the type and the region,
 * so remembering it changes no plan. Pools and types are told apart by identity (they are immutable
 * and made once); the memo is emptied when it grows past {@link #MAX_ENTRIES}, so pools read afresh
 * on every pass cannot make it grow without end.
 */
final class TypeLevels {
  static final int MAX_ENTRIES = 100_000;

  /** One pool's view of one type; {@code base} and {@code open} as ShapeFactory forms them. */
  record Level(
      Map<String, String> base,
      Requirements open,
      boolean admitted,
      Resources allocatable,
      Resources capacity) {}

  private record Key(NodePool pool, InstanceType type, String region) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.pool == pool
          && k.type == type
          && Objects.equals(k.region, region);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * System.identityHashCode(pool) + System.identityHashCode(type))
          + Objects.hashCode(region);
    }
  }

  private final Map<Key, Level> levels = new ConcurrentHashMap<>();

  Level of(NodePool pool, InstanceType type, String region, Supplier<Level> compute) {
    Key key = new Key(pool, type, region);
    Level known = levels.get(key);
    if (known != null) {
      return known;
    }
    if (levels.size() >= MAX_ENTRIES) {
      levels.clear();
    }
    Level computed = compute.get();
    levels.put(key, computed);
    return computed;
  }
}
