package io.flotilla.core.plan;

import java.util.Objects;

/**
 * The choices a user may make about how plans are made. {@link #DEFAULTS} is what Karpenter users
 * expect plus Flotilla's safe-Spot rule.
 */
public record PlanOptions(
    MinValuesPolicy minValuesPolicy,
    UnknownArchitecture unknownArchitecture,
    SpotDiversity spotDiversity,
    ExactSearch exactSearch,
    SpotAllocation spotAllocation) {

  /**
   * Karpenter's {@code minValuesPolicy}: refuse a node that cannot keep the floors, or relax them.
   */
  public enum MinValuesPolicy {
    STRICT,
    BEST_EFFORT
  }

  /** Where pods whose images' architectures are unknown may go. */
  public enum UnknownArchitecture {
    /** Anywhere (they are reported when they land on arm64). */
    ANY,
    /** Only on amd64, where nearly every image runs. */
    AMD64
  }

  /**
   * How a workload's Spot replicas are spread over capacity pools (instance type x zone): nodes
   * move to other offerings priced within {@code priceTolerance} of theirs (0.10: 10 % dearer at
   * most) until no pool holds more than {@code maxShare} of the workload's Spot replicas, when at
   * least {@code minPools} pools qualify.
   */
  public record SpotDiversity(double priceTolerance, double maxShare, int minPools) {
    public static final SpotDiversity DEFAULT = new SpotDiversity(0.10, 1.0 / 3, 3);
    public static final SpotDiversity OFF = new SpotDiversity(0, 1, Integer.MAX_VALUE);

    public SpotDiversity {
      if (!(priceTolerance >= 0)) {
        throw new IllegalArgumentException("priceTolerance must not be negative");
      }
      if (!(maxShare > 0 && maxShare <= 1)) {
        throw new IllegalArgumentException("maxShare must be in (0, 1]");
      }
      if (minPools < 1) {
        throw new IllegalArgumentException("minPools must be at least 1");
      }
    }

    public boolean enabled() {
      return maxShare < 1 && minPools != Integer.MAX_VALUE;
    }
  }

  /**
   * When small batches are solved exactly: at most {@code maxClasses} pod classes and {@code
   * maxPods} pods in a tier, within a work budget (so results do not depend on the machine).
   */
  public record ExactSearch(int maxClasses, int maxPods, long maxPatterns, long maxBranchNodes) {
    public static final ExactSearch DEFAULT = new ExactSearch(8, 300, 20_000, 2_000);
    public static final ExactSearch OFF = new ExactSearch(0, 0, 0, 0);

    public boolean applies(int classes, long pods) {
      return classes > 0 && classes <= maxClasses && pods <= maxPods;
    }
  }

  /**
   * How the first-fit baseline's launch picks a Spot offering among its claim's options, as EC2
   * Fleet's allocation strategies do. The optimised planner chooses its offerings itself.
   */
  public enum SpotAllocation {
    /** The cheapest offering: the plan's own baseline, and a best case for Karpenter. */
    LOWEST_PRICE,
    /**
     * EC2 Fleet's {@code price-capacity-optimized}, which Karpenter uses for Spot: the pools with
     * the most spare capacity, then the cheapest of them. The Spot Instance Advisor's interruption
     * band is the public signal of a pool's spare capacity, so the lowest band among the options
     * wins, then the price; an offering of unknown band comes after every known band.
     */
    PRICE_CAPACITY_OPTIMIZED
  }

  public static final PlanOptions DEFAULTS =
      new PlanOptions(
          MinValuesPolicy.STRICT,
          UnknownArchitecture.ANY,
          SpotDiversity.DEFAULT,
          ExactSearch.DEFAULT,
          SpotAllocation.LOWEST_PRICE);

  public PlanOptions {
    Objects.requireNonNull(minValuesPolicy, "minValuesPolicy");
    Objects.requireNonNull(unknownArchitecture, "unknownArchitecture");
    Objects.requireNonNull(spotDiversity, "spotDiversity");
    Objects.requireNonNull(exactSearch, "exactSearch");
    Objects.requireNonNull(spotAllocation, "spotAllocation");
  }

  public PlanOptions withMinValuesPolicy(MinValuesPolicy policy) {
    return new PlanOptions(policy, unknownArchitecture, spotDiversity, exactSearch, spotAllocation);
  }

  public PlanOptions withUnknownArchitecture(UnknownArchitecture policy) {
    return new PlanOptions(minValuesPolicy, policy, spotDiversity, exactSearch, spotAllocation);
  }

  public PlanOptions withSpotDiversity(SpotDiversity diversity) {
    return new PlanOptions(
        minValuesPolicy, unknownArchitecture, diversity, exactSearch, spotAllocation);
  }

  public PlanOptions withExactSearch(ExactSearch exact) {
    return new PlanOptions(
        minValuesPolicy, unknownArchitecture, spotDiversity, exact, spotAllocation);
  }

  public PlanOptions withSpotAllocation(SpotAllocation allocation) {
    return new PlanOptions(
        minValuesPolicy, unknownArchitecture, spotDiversity, exactSearch, allocation);
  }
}
