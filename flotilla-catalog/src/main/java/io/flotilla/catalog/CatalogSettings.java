package io.flotilla.catalog;

import java.nio.file.Path;

/**
 * How to load the catalog.
 *
 * @param priceFile a user's price file whose rows override or add offerings, or null for none
 */
public record CatalogSettings(Path priceFile) {
  /** The bundled data and nothing else. */
  public static CatalogSettings defaults() {
    return new CatalogSettings(null);
  }
}
