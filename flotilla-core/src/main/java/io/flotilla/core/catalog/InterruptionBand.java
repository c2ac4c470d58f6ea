package io.flotilla.core.catalog;

import java.util.Optional;

/**
 * The Spot Instance Advisor's "frequency of interruption": the share of a type's Spot capacity AWS
 * reclaimed during the trailing month, as a band. The midpoint is a monthly rate for simulation;
 * the open band ({@code >20%}) is given the width of the others, so its midpoint is 22.5 %.
 */
public enum InterruptionBand {
  UNDER_5("<5%", 0, 5),
  FROM_5_TO_10("5-10%", 5, 10),
  FROM_10_TO_15("10-15%", 10, 15),
  FROM_15_TO_20("15-20%", 15, 20),
  OVER_20(">20%", 20, 25);

  private final String label;
  private final int lowerPct;
  private final int upperPct;

  InterruptionBand(String label, int lowerPct, int upperPct) {
    this.label = label;
    this.lowerPct = lowerPct;
    this.upperPct = upperPct;
  }

  /** The Advisor's label, e.g. "5-10%". */
  public String label() {
    return label;
  }

  /** The band's midpoint as a fraction of capacity reclaimed per month, e.g. 0.075. */
  public double monthlyRateMidpoint() {
    return (lowerPct + upperPct) / 200.0;
  }

  public static Optional<InterruptionBand> parse(String label) {
    for (InterruptionBand band : values()) {
      if (band.label.equals(label)) {
        return Optional.of(band);
      }
    }
    return Optional.empty();
  }
}
