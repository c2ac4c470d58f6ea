package io.flotilla.core.plan;

import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The topology domains a class may land in for a key, and what hosting its pods costs in each.
 * Domains come from the existing nodes the class may use and from what its pools can launch: the
 * offerings' zones and capacity types before any Spot-first preference, instance-type labels, and
 * every value a pool's requirement allows for a custom key (Karpenter's domains), so a spread over
 * {@code capacity-spread In [2,3,4,5]} on one pool and {@code [1]} on another sees five domains.
 */
final class DomainCatalog {
  /** How many of a domain's cheapest node shapes the cost curve considers. */
  private static final int SHAPES_PER_DOMAIN = 6;

  private final Candidates candidates;
  private final ExistingFleet fleet;
  private final ShapeFactory factory;
  private final Map<List<Object>, Set<String>> memo = new HashMap<>();

  DomainCatalog(Candidates candidates, ExistingFleet fleet, ShapeFactory factory) {
    this.candidates = candidates;
    this.fleet = fleet;
    this.factory = factory;
  }

  /** The domains of the key the class may use, cheapest first is not implied: sorted by name. */
  Set<String> domains(PodClass c, String key) {
    return memoized(c, key, true);
  }

  /**
   * The domains a topology spread of the class counts: those it may use, plus those of existing
   * nodes whose taints it does not tolerate (nodeTaintsPolicy Ignore, Kubernetes' default: "all
   * nodes are included" in the skew, though the pod cannot run there).
   */
  Set<String> spreadDomains(PodClass c, String key) {
    return memoized(c, key, false);
  }

  private Set<String> memoized(PodClass c, String key, boolean honourTaints) {
    List<Object> memoKey =
        List.of(
            c.terms(),
            c.template().tolerations(),
            c.template().architectures(),
            c.domain(),
            c.avoidSoftTaints(),
            c.template().hostPorts(),
            key,
            honourTaints);
    return memo.computeIfAbsent(memoKey, k -> compute(c, key, honourTaints));
  }

  private Set<String> compute(PodClass c, String key, boolean honourTaints) {
    Set<String> values = new TreeSet<>(fleet.domains(c, key, honourTaints));
    for (Candidates.Allowed a : candidates.raw(c, c.terms())) {
      TypeGroup g = a.group();
      for (int i = 0; i < g.offerings().size(); i++) {
        if ((a.mask() & (1L << i)) == 0) {
          continue;
        }
        String v = g.template(g.offerings().get(i)).get(key);
        if (v != null) {
          values.add(v);
        } else {
          values.addAll(openValues(g, key, c.terms()));
        }
      }
    }
    return values;
  }

  /** Values a pool's requirement allows for a custom key its nodes do not have yet. */
  static Set<String> openValues(TypeGroup g, String key, List<Requirements> terms) {
    Set<String> out = new LinkedHashSet<>();
    for (Requirement r : g.open().list()) {
      if (!r.key().equals(key) || r.operator() != Operator.IN) {
        continue;
      }
      for (String v : r.values()) {
        if (g.open().allows(key, v) && allowedByAnyTerm(terms, key, v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private static boolean allowedByAnyTerm(List<Requirements> terms, String key, String value) {
    if (terms.isEmpty()) {
      return true;
    }
    for (Requirements t : terms) {
      if (t.allows(key, value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What adding k pods (k = 0..n) of the class to the domain costs per hour, if they had the domain
   * to themselves: room on existing nodes first (free), then the cheapest cover by whole nodes of
   * the domain's best shapes. {@code pinned} is the class pinned to the domain.
   */
  double[] costCurve(PodClass pinned, int n) {
    long free = Math.min(n, fleet.room(pinned));
    List<long[]> options = new ArrayList<>(); // {copies per node, price in micro-dollars}
    for (Candidates.Allowed a : candidates.of(pinned)) {
      TypeGroup g = a.group();
      int best = -1;
      for (int i = 0; i < g.offerings().size(); i++) {
        if ((a.mask() & (1L << i)) != 0
            && (best < 0
                || g.offerings().get(i).pricePerHour() < g.offerings().get(best).pricePerHour())) {
          best = i;
        }
      }
      Shape s = factory.shape(g, g.offerings().get(best));
      long copies = Dimensions.copiesThatFit(pinned.request(), s.free());
      if (copies > 0) {
        options.add(new long[] {Math.min(copies, n), Math.round(s.price() * 1e6)});
      }
    }
    options.sort(Comparator.comparingDouble((long[] o) -> (double) o[1] / o[0]));
    List<long[]> kept =
        new ArrayList<>(options.subList(0, Math.min(SHAPES_PER_DOMAIN, options.size())));
    options.stream().min(Comparator.comparingLong(o -> o[1])).ifPresent(kept::add);
    double[] cover = new double[n + 1];
    for (int k = 1; k <= n; k++) {
      cover[k] = Double.POSITIVE_INFINITY;
      for (long[] o : kept) {
        cover[k] = Math.min(cover[k], o[1] / 1e6 + cover[(int) Math.max(0, k - o[0])]);
      }
    }
    double[] curve = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      curve[k] = cover[(int) Math.max(0, k - free)];
    }
    return curve;
  }
}
