package io.flotilla.cli.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The strategies {@code flotilla simulate} runs, by the names users type. */
public enum StrategyName {
  /** The optimised planner, Flotilla's disruption (1 -> N), rebalance and checkpoint-on-warning. */
  FLOTILLA("flotilla"),
  /** First-fit decreasing and Karpenter's documented disruption. */
  KARPENTER_LIKE("karpenter-like"),
  /** Node groups sized by their first instance type, CA's scale-down, the termination handler. */
  CLUSTER_AUTOSCALER("cluster-autoscaler"),
  /** The same workloads on on-demand amd64 capacity only. */
  ON_DEMAND_X86("on-demand-x86");

  private final String label;

  StrategyName(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The strategy a user named, or null. */
  public static StrategyName byLabel(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (StrategyName s : values()) {
      if (s.label.equals(t) || s.name().toLowerCase(Locale.ROOT).equals(t)) {
        return s;
      }
    }
    return null;
  }

  public static String labels() {
    return Arrays.stream(values()).map(StrategyName::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
