package io.flotilla.core.catalog;

import io.flotilla.core.label.WellKnownLabels;
import java.util.Map;

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

  /**
   * A node's capacity type from its labels: Karpenter's label, else the EKS managed node group's;
   * null when neither says (or Karpenter's holds an unknown value).
   */
  public static CapacityType ofNodeLabels(Map<String, String> labels) {
    String karpenter = labels.get(WellKnownLabels.CAPACITY_TYPE);
    if (karpenter != null) {
      try {
        return parse(karpenter);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    String eks = labels.get(WellKnownLabels.EKS_CAPACITY_TYPE);
    if ("SPOT".equals(eks)) {
      return SPOT;
    }
    if ("ON_DEMAND".equals(eks)) {
      return ON_DEMAND;
    }
    return null;
  }
}
