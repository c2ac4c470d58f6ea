package io.flotilla.core.catalog;

/** Where an offering's price comes from, so output can say which prices are facts. */
public enum PriceSource {
  /** A price the cloud publishes (on-demand list prices). */
  PUBLISHED("published"),
  /** Flotilla's documented model (Spot prices from the Advisor savings and zone spreads). */
  MODELLED("modelled"),
  /** The user's price file. */
  PRICE_FILE("price-file");

  private final String label;

  PriceSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
