package io.flotilla.core.catalog;

/** How an instance is bought. Values are Karpenter's label values. */
public enum CapacityType {
  SPOT("spot"),
  ON_DEMAND("on-demand"),
  RESERVED("reserved");

  private final String label;

  CapacityType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static CapacityType parse(String text) {
    for (CapacityType c : values()) {
      if (c.label.equals(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown capacity type '" + text + "' (expected spot, on-demand or reserved)");
  }
}
