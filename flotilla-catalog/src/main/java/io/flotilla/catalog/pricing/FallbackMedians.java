package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.InstanceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A per-type value that is published for some types and estimated for the others: the type's own
 * value, else the median of its family, else of its category, else of every published value. The
 * medians range over the published values of the catalog's types only.
 */
final class FallbackMedians {
  private final Map<String, Double> published;
  private final Map<String, Double> byFamily;
  private final Map<String, Double> byCategory;
  private final double region;

  FallbackMedians(Collection<InstanceType> types, Map<String, Double> published) {
    this.published = Map.copyOf(published);
    Map<String, List<Double>> families = new HashMap<>();
    Map<String, List<Double>> categories = new HashMap<>();
    List<Double> all = new ArrayList<>();
    for (InstanceType t : types) {
      Double value = published.get(t.name());
      if (value != null) {
        families.computeIfAbsent(t.family(), k -> new ArrayList<>()).add(value);
        categories.computeIfAbsent(t.category(), k -> new ArrayList<>()).add(value);
        all.add(value);
      }
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no published value for any type of the catalog");
    }
    this.byFamily = medians(families);
    this.byCategory = medians(categories);
    this.region = Medians.of(all);
  }

  Estimate estimate(InstanceType type) {
    Double own = published.get(type.name());
    if (own != null) {
      return new Estimate(own, Derivation.PUBLISHED);
    }
    Double family = byFamily.get(type.family());
    if (family != null) {
      return new Estimate(family, Derivation.FAMILY_MEDIAN);
    }
    Double category = byCategory.get(type.category());
    if (category != null) {
      return new Estimate(category, Derivation.CATEGORY_MEDIAN);
    }
    return new Estimate(region, Derivation.REGION_MEDIAN);
  }

  private static Map<String, Double> medians(Map<String, List<Double>> groups) {
    Map<String, Double> medians = new HashMap<>();
    groups.forEach((key, values) -> medians.put(key, Medians.of(values)));
    return Map.copyOf(medians);
  }

  static <T> Map<String, Double> valuesOf(Map<String, T> rows, Function<T, Double> value) {
    Map<String, Double> values = new HashMap<>();
    rows.forEach((type, row) -> values.put(type, value.apply(row)));
    return values;
  }
}
