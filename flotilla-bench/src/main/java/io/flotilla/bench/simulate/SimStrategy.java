package io.flotilla.bench.simulate;

import io.flotilla.control.manager.ControlSettings;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.core.plan.Planner;
import java.util.Locale;

/**
 * The strategies the benchmark runs, as {@code flotilla simulate} has them: the planner and the
 * control loops' settings.
 */
public enum SimStrategy {
  /** The optimised planner and Flotilla's control settings. */
  FLOTILLA("flotilla", Planner.Strategy.OPTIMIZED, ControlSettings.FLOTILLA, PlanOptions.DEFAULTS),
  /** First-fit decreasing, Spot launched price-capacity-optimized, Karpenter's disruption. */
  KARPENTER_LIKE(
      "karpenter-like",
      Planner.Strategy.FIRST_FIT_DECREASING,
      ControlSettings.KARPENTER,
      PlanOptions.DEFAULTS.withSpotAllocation(SpotAllocation.PRICE_CAPACITY_OPTIMIZED));

  private final String label;
  private final Planner.Strategy planner;
  private final ControlSettings control;
  private final PlanOptions options;

  SimStrategy(
      String label, Planner.Strategy planner, ControlSettings control, PlanOptions options) {
    this.label = label;
    this.planner = planner;
    this.control = control;
    this.options = options;
  }

  public PlanOptions options() {
    return options;
  }

  public String label() {
    return label;
  }

  public Planner.Strategy planner() {
    return planner;
  }

  public ControlSettings control() {
    return control;
  }

  /** The strategy a user named ({@code flotilla}, {@code karpenter-like}), or null. */
  public static SimStrategy byLabel(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (SimStrategy s : values()) {
      if (s.label.equals(t) || s.name().toLowerCase(Locale.ROOT).equals(t)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}
