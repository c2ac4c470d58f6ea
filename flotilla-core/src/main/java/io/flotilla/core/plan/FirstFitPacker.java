package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The baseline users know: Karpenter's provisioning of one batch, restated for one tier of pools.
 *
 * <ul>
 *   <li>Pods largest first, by cpu then memory.
 *   <li>Each pod joins the first in-flight NodeClaim that can take it, emptiest first (fewest pods,
 *       then the order they were opened): its co-location rules allow it and one of the claim's
 *       instance-type options, with an offering every pod on it may use, still holds all its pods
 *       and this one. The claim then keeps every option that still does.
 *   <li>Otherwise a new claim opens in the first pool (by name, the tier sharing one weight) that
 *       can take the pod: its options are the pool's types within the pool's remaining limits that
 *       hold the pod with an offering it may use and are among the pool's 600 cheapest (ranked by
 *       the pool's own offerings, not by the pod: a large first pod does not reach types beyond the
 *       template's 600), exotic types dropped when a generic one is among them. The claim counts
 *       against the pool's limits at the largest of its options, resource by resource.
 *   <li>A claim's options keep the pool's minValues floors: a pod that would cut them below is kept
 *       off it, and a claim whose options miss them from the start is not opened.
 *   <li>A claim fixes one value of each custom key its pool leaves open ({@code capacity-spread In
 *       [2,3,4,5]}): a pod pinned to another value (by its topology spread) or whose requirements
 *       refuse it is kept off it.
 *   <li>At launch, {@link InstanceSelection#launch} picks the offering (lowest price, or EC2's
 *       price-capacity-optimized for Spot as the options say); one node per claim.
 * </ul>
 *
 * <p>Karpenter itself cuts a claim to its 600 cheapest types when it writes the NodeClaim, after
 * the whole batch is scheduled, and filters exotic types only at launch; a claim there can grow
 * into the largest types of the pool (a u7i-12tb on a batch of thousands of pods). Here both apply
 * when the claim opens, as the reference architecture and issue 12 state the rules. No look-ahead
 * and no mixing on purpose: this is the baseline, not the planner.
 */
final class FirstFitPacker {
  private final TierOfferings tier;
  private final InstanceSelection selection;
  private final List<PodClass> classes;
  private final Colocation colocation;
  private final int dims;
  private final MinValues minValues;
  private final int[] scratchGroups = new int[InstanceSelection.MAX_INSTANCE_TYPES];
  private final long[] scratchMasks = new long[InstanceSelection.MAX_INSTANCE_TYPES];

  FirstFitPacker(
      TierOfferings tier,
      List<PodClass> classes,
      Colocation colocation,
      int dims,
      MinValues minValues,
      SpotAllocation allocation) {
    this.tier = tier;
    this.minValues = minValues;
    this.selection = new InstanceSelection(tier, allocation);
    this.classes = classes;
    this.colocation = colocation;
    this.dims = dims;
  }

  /** An in-flight NodeClaim: its options (all of one pool), what it holds, when it was opened. */
  private final class Claim {
    final int order;
    ClaimOptions options;
    Map<String, String> pins = Map.of();
    final long[] used = new long[dims];

    /** The most room any open offering has, dimension by dimension: a quick test before a scan. */
    final long[] room = new long[dims];

    final int[] counts = new int[classes.size()];
    final int[] groupCounts = new int[colocation.groupCount()];
    final BitSet present = new BitSet();
    final BitSet incompatibleKinds = new BitSet();
    long pods;
    int rejected = -1;

    Claim(int order) {
      this.order = order;
    }

    /** The options that still hold everything plus one pod of class c, or null if none does. */
    ClaimOptions with(int c, int kind) {
      if (incompatibleKinds.get(kind)) {
        return null;
      }
      long[] after = used.clone();
      long[] request = classes.get(c).request();
      for (int d = 0; d < dims; d++) {
        after[d] += request[d];
      }
      if (!Dimensions.fits(after, room)
          || (colocation.active() && colocation.room(c, counts, groupCounts, present, null) <= 0)
          || !takesPins(classes.get(c), tier.group(options.groups()[0]), pins)) {
        return null;
      }
      int n = 0;
      boolean compatible = false;
      for (int i = 0; i < options.size(); i++) {
        int g = options.groups()[i];
        long open = options.masks()[i] & tier.mask(kind, g);
        if (open != 0) {
          compatible = true;
          long fit = tier.fitting(g, open, after);
          if (fit != 0) {
            scratchGroups[n] = g;
            scratchMasks[n++] = fit;
          }
        }
      }
      if (!compatible) {
        // Options only shrink: a kind that shares no offering now never will.
        incompatibleKinds.set(kind);
      }
      if (n == 0) {
        return null;
      }
      ClaimOptions narrowed =
          new ClaimOptions(Arrays.copyOf(scratchGroups, n), Arrays.copyOf(scratchMasks, n));
      return keepsFloors(narrowed) ? narrowed : null;
    }

    void add(int c, ClaimOptions narrowed) {
      options = narrowed;
      long[] request = classes.get(c).request();
      for (int d = 0; d < dims; d++) {
        used[d] += request[d];
      }
      Arrays.fill(room, 0);
      for (int i = 0; i < options.size(); i++) {
        tier.widen(room, options.groups()[i], options.masks()[i]);
      }
      colocation.add(c, 1, counts, groupCounts, present);
      pods++;
    }
  }

  List<NodeBatch> pack(long[] remaining, PoolBudget budget) {
    List<PodClass> order = new ArrayList<>();
    for (PodClass c : classes) {
      if (remaining[c.id()] > 0) {
        order.add(c);
      }
    }
    order.sort(PodClass::bySizeDescending);
    TreeSet<Claim> inFlight =
        new TreeSet<>(Comparator.comparingLong((Claim k) -> k.pods).thenComparingInt(k -> k.order));
    List<Claim> claims = new ArrayList<>();
    for (PodClass pc : order) {
      int c = pc.id();
      int kind = tier.kind(pc);
      if (!tier.admits(kind)) {
        continue;
      }
      while (remaining[c] > 0) {
        Claim target = null;
        ClaimOptions narrowed = null;
        for (Claim k : inFlight) {
          if (k.rejected == c) {
            continue;
          }
          narrowed = k.with(c, kind);
          if (narrowed != null) {
            target = k;
            break;
          }
          // Claims only fill up: one that turns a pod of this class away turns them all away.
          k.rejected = c;
        }
        if (target == null) {
          target = open(pc, kind, claims.size(), budget);
          if (target == null) {
            break;
          }
          narrowed = target.options;
          claims.add(target);
        } else {
          inFlight.remove(target);
        }
        target.add(c, narrowed);
        inFlight.add(target);
        remaining[c]--;
      }
    }
    List<NodeBatch> batches = new ArrayList<>();
    for (Claim k : claims) {
      batches.add(launch(k));
    }
    return batches;
  }

  /**
   * A new claim for one pod of class c from the first pool of the tier that can take it, counted
   * against that pool's limits; null when none can.
   */
  private Claim open(PodClass c, int kind, int order, PoolBudget budget) {
    for (int p = 0; p < tier.poolCount(); p++) {
      NodePool pool = tier.pool(p);
      boolean limited = !pool.limits().isEmpty() || pool.maxNodes() != null;
      int n = 0;
      for (int g : tier.byPrice(kind, p)) {
        if (!tier.inTemplate(g) || (limited && budget.allowance(tier.shape(g, 0)) <= 0)) {
          continue;
        }
        long fit = tier.fitting(g, tier.mask(kind, g), c.request());
        if (fit != 0) {
          scratchGroups[n] = g;
          scratchMasks[n++] = fit;
          if (n == InstanceSelection.MAX_INSTANCE_TYPES) {
            break;
          }
        }
      }
      if (n == 0) {
        continue;
      }
      ClaimOptions options =
          selection.withoutExotic(
              new ClaimOptions(Arrays.copyOf(scratchGroups, n), Arrays.copyOf(scratchMasks, n)));
      if (!keepsFloors(options)) {
        continue;
      }
      Claim claim = new Claim(order);
      claim.options = options;
      claim.pins = ShapeFactory.pins(c, tier.group(options.groups()[0]));
      if (limited) {
        budget.spend(largest(options), 1);
      }
      return claim;
    }
    return null;
  }

  private boolean keepsFloors(ClaimOptions options) {
    List<TypeGroup> groups = new ArrayList<>();
    for (int g : options.groups()) {
      groups.add(tier.group(g));
    }
    return minValues.kept(groups.get(0).pool(), groups);
  }

  /** May a pod of the class go on a node with these values of the pool's open custom keys? */
  private static boolean takesPins(PodClass c, TypeGroup group, Map<String, String> pins) {
    for (Map.Entry<String, String> pin : pins.entrySet()) {
      String wanted = c.domain().get(pin.getKey());
      if (wanted != null
          ? !wanted.equals(pin.getValue())
          : !DomainCatalog.openValues(group, pin.getKey(), c.terms()).contains(pin.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** A stand-in node with the largest capacity of any option, resource by resource. */
  private Shape largest(ClaimOptions options) {
    Shape first = tier.shape(options.groups()[0], 0);
    Resources capacity = Resources.NONE;
    for (int g : options.groups()) {
      capacity = capacity.max(tier.shape(g, 0).capacity());
    }
    return new Shape(
        -1,
        first.pool(),
        first.offering(),
        first.template(),
        first.free(),
        first.daemonOverhead(),
        first.allocatable(),
        capacity,
        first.price(),
        first.storagePerHour());
  }

  private NodeBatch launch(Claim k) {
    Shape shape = selection.launch(k.options, k.pins);
    int kinds = 0;
    for (int count : k.counts) {
      kinds += count > 0 ? 1 : 0;
    }
    int[] ids = new int[kinds];
    long[] perNode = new long[kinds];
    int i = 0;
    for (int c = 0; c < k.counts.length; c++) {
      if (k.counts[c] > 0) {
        ids[i] = c;
        perNode[i++] = k.counts[c];
      }
    }
    return new NodeBatch(shape, ids, perNode, 1);
  }
}
