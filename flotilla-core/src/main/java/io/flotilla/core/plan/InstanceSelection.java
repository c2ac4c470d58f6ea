package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InterruptionBand;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Karpenter's filters on a NodeClaim's instance types, and the launch they lead to. Core keeps the
 * 600 cheapest types of a claim; the AWS provider drops exotic types when a generic one fits, drops
 * Spot types dearer than the cheapest on-demand type when either could launch, hands the 60
 * cheapest to CreateFleet, and launches Spot whenever one of those has a Spot offering the claim
 * may use. Prices are the offerings' own, as EC2 compares them.
 */
final class InstanceSelection {
  /** Karpenter core's {@code scheduling.MaxInstanceTypes}. */
  static final int MAX_INSTANCE_TYPES = 600;

  /** The AWS provider's {@code maxInstanceTypes} for one CreateFleet call. */
  static final int MAX_LAUNCH_TYPES = 60;

  private final TierOfferings tier;
  private final SpotAllocation allocation;

  InstanceSelection(TierOfferings tier, SpotAllocation allocation) {
    this.tier = tier;
    this.allocation = allocation;
  }

  /**
   * {@code filterExoticInstanceTypes}: metal, GPU, Neuron, AMD GPU and Gaudi types go whenever a
   * generic type remains.
   */
  ClaimOptions withoutExotic(ClaimOptions options) {
    return keep(options, i -> !tier.group(options.groups()[i]).type().exotic(), true);
  }

  /**
   * {@code filterUnwantedSpot}, for claims that could launch either capacity type: types whose
   * cheapest offering costs more than the cheapest on-demand offering go.
   */
  ClaimOptions withoutUnwantedSpot(ClaimOptions options) {
    double cheapestOnDemand = Double.POSITIVE_INFINITY;
    for (int i = 0; i < options.size(); i++) {
      long od = only(options.groups()[i], options.masks()[i], CapacityType.ON_DEMAND);
      cheapestOnDemand = Math.min(cheapestOnDemand, tier.cheapest(options.groups()[i], od));
    }
    double limit = cheapestOnDemand;
    return keep(
        options, i -> tier.cheapest(options.groups()[i], options.masks()[i]) <= limit, false);
  }

  /** The {@code limit} cheapest types (by their cheapest open offering, then name). */
  ClaimOptions cheapest(ClaimOptions options, int limit) {
    Integer[] order = new Integer[options.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        Comparator.comparingDouble(
                (Integer i) -> tier.cheapest(options.groups()[i], options.masks()[i]))
            .thenComparing(i -> tier.group(options.groups()[i]).type().name()));
    int n = Math.min(limit, order.length);
    int[] groups = new int[n];
    long[] masks = new long[n];
    for (int k = 0; k < n; k++) {
      groups[k] = options.groups()[order[k]];
      masks[k] = options.masks()[order[k]];
    }
    return new ClaimOptions(groups, masks);
  }

  /**
   * The node a finished claim launches: the exotic filter again (as the AWS provider applies it at
   * launch; after the filter at claim creation it changes nothing, since options only shrink), the
   * unwanted-Spot filter, the 60 cheapest types, then Spot if any of them has an open Spot
   * offering, and the offering of that capacity type the allocation strategy picks: the cheapest
   * (EC2 Fleet's lowest-price, and on-demand always), or for Spot under price-capacity-optimized
   * the cheapest of those in the lowest interruption band among the 60 types.
   */
  Shape launch(ClaimOptions options) {
    return launch(options, Map.of());
  }

  /** The launch, the node carrying the claim's values for the pool's open custom keys. */
  Shape launch(ClaimOptions options, Map<String, String> pins) {
    ClaimOptions left = withoutExotic(options);
    if (mixed(left)) {
      left = withoutUnwantedSpot(left);
    }
    left = cheapest(left, MAX_LAUNCH_TYPES);
    CapacityType capacity = CapacityType.ON_DEMAND;
    for (int i = 0; i < left.size(); i++) {
      if (only(left.groups()[i], left.masks()[i], CapacityType.SPOT) != 0) {
        capacity = CapacityType.SPOT;
        break;
      }
    }
    boolean byCapacity =
        capacity == CapacityType.SPOT && allocation == SpotAllocation.PRICE_CAPACITY_OPTIMIZED;
    int bestGroup = -1;
    int bestOffering = -1;
    int bestRank = Integer.MAX_VALUE;
    double bestPrice = Double.POSITIVE_INFINITY;
    for (int i = 0; i < left.size(); i++) {
      int g = left.groups()[i];
      for (long m = only(g, left.masks()[i], capacity); m != 0; m &= m - 1) {
        int o = Long.numberOfTrailingZeros(m);
        Offering offering = tier.offering(g, o);
        int rank = byCapacity ? capacityRank(offering) : 0;
        double price = offering.pricePerHour();
        if (rank < bestRank || (rank == bestRank && price < bestPrice)) {
          bestRank = rank;
          bestPrice = price;
          bestGroup = g;
          bestOffering = o;
        }
      }
    }
    if (bestGroup < 0) {
      throw new IllegalStateException("a claim with no open offering");
    }
    return tier.shape(bestGroup, bestOffering, pins);
  }

  /** Lower is more spare capacity: the interruption band's order, an unknown band last. */
  private static int capacityRank(Offering offering) {
    InterruptionBand band = offering.band();
    return band == null ? InterruptionBand.values().length : band.ordinal();
  }

  /** Whether both capacity types are open among the options. */
  private boolean mixed(ClaimOptions options) {
    boolean spot = false;
    boolean onDemand = false;
    for (int i = 0; i < options.size(); i++) {
      spot |= only(options.groups()[i], options.masks()[i], CapacityType.SPOT) != 0;
      onDemand |= only(options.groups()[i], options.masks()[i], CapacityType.ON_DEMAND) != 0;
    }
    return spot && onDemand;
  }

  private long only(int g, long mask, CapacityType capacity) {
    long out = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      int o = Long.numberOfTrailingZeros(m);
      if (tier.offering(g, o).capacityType() == capacity) {
        out |= 1L << o;
      }
    }
    return out;
  }

  /** The options that pass; with {@code orAll}, all of them when none passes. */
  private static ClaimOptions keep(ClaimOptions options, IntPredicate test, boolean orAll) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      if (test.test(i)) {
        kept.add(i);
      }
    }
    if (kept.size() == options.size() || (kept.isEmpty() && orAll)) {
      return options;
    }
    int[] groups = new int[kept.size()];
    long[] masks = new long[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      groups[k] = options.groups()[kept.get(k)];
      masks[k] = options.masks()[kept.get(k)];
    }
    return new ClaimOptions(groups, masks);
  }
}
