package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spot-capable pods on on-demand nodes. A class that may use Spot is planned on Spot offerings only
 * (Spot first); but an on-demand node launched for pods that need on-demand often has room left,
 * and Karpenter puts any pod there whose requirements the node meets. So every on-demand shape also
 * admits the Spot-capable classes its offering allows, as fillers: the shape is still only launched
 * for a class that needs it (its anchors), never for fillers alone.
 */
final class OnDemandFillers {
  private OnDemandFillers() {}

  /** Where each shape of a tier came from: its type group and offering index. */
  record Origins(List<TypeGroup> groups, List<Integer> offerings) {}

  /**
   * Adds fillers to {@code compatible} (per shape, in place) and returns per shape the classes it
   * was compatible with before (its anchors), or null where nothing was added.
   *
   * @param members classes grouped by their (shared) candidate list, first class representative
   */
  static BitSet[] add(
      List<Shape> shapes,
      Rooms.Fits fits,
      Origins origins,
      BitSet[] compatible,
      List<List<Integer>> members,
      PackingContext ctx) {
    BitSet[] anchors = new BitSet[shapes.size()];
    // Only on-demand shapes some class needs can take fillers: a shape no class was compatible
    // with has no anchor and is never launched, fillers or not.
    List<Integer> anchored = new ArrayList<>();
    for (int s = 0; s < shapes.size(); s++) {
      if (shapes.get(s).offering().capacityType() == CapacityType.ON_DEMAND
          && !compatible[s].isEmpty()) {
        anchored.add(s);
      }
    }
    if (anchored.isEmpty()) {
      return anchors;
    }
    for (int g = 0; g < members.size(); g++) {
      List<Integer> group = members.get(g);
      PodClass representative = ctx.classes().get(group.get(0));
      Map<TypeGroup, Long> raw = null;
      for (int s : anchored) {
        Shape shape = shapes.get(s);
        if (compatible[s].get(group.get(0))) {
          continue;
        }
        if (raw == null) {
          raw = masks(ctx.candidates().raw(representative, representative.terms()));
        }
        Long mask = raw.get(origins.groups().get(s));
        if (mask == null || (mask & (1L << origins.offerings().get(s))) == 0) {
          continue;
        }
        if (!origins.groups().get(s).open().isEmpty()
            && Compatibility.whyNotLabels(representative, shape.template()) != null) {
          continue;
        }
        BitSet fitting = fits.of(g, fits.rooms().of(s));
        if (fitting.isEmpty()) {
          continue;
        }
        if (!ctx.minValues().hasFloors(shape)) {
          if (anchors[s] == null) {
            anchors[s] = (BitSet) compatible[s].clone();
          }
          compatible[s].or(fitting);
          continue;
        }
        for (int c = fitting.nextSetBit(0); c >= 0; c = fitting.nextSetBit(c + 1)) {
          if (ctx.minValues().flexible(ctx.classes().get(c), shape)) {
            if (anchors[s] == null) {
              anchors[s] = (BitSet) compatible[s].clone();
            }
            compatible[s].set(c);
          }
        }
      }
    }
    return anchors;
  }

  private static Map<TypeGroup, Long> masks(List<Candidates.Allowed> allowed) {
    Map<TypeGroup, Long> out = new IdentityHashMap<>();
    for (Candidates.Allowed a : allowed) {
      out.merge(a.group(), a.mask(), (x, y) -> x | y);
    }
    return out;
  }
}
