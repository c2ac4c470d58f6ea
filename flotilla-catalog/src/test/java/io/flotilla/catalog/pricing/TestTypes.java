package io.flotilla.catalog.pricing;

import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;

/** Small instance types for model tests: only name, family, category and price matter. */
final class TestTypes {
  private TestTypes() {}

  static InstanceType type(String name, Double onDemandPrice) {
    String family = name.substring(0, name.indexOf('.'));
    String category = family.replaceAll("[0-9].*", "");
    return new InstanceType(
        name,
        family,
        category,
        5,
        "large",
        2,
        8192,
        "amd64",
        "intel",
        Gpu.NONE,
        null,
        750,
        "nitro",
        3,
        10,
        29,
        onDemandPrice);
  }
}
