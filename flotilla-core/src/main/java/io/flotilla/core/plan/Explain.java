package io.flotilla.core.plan;

import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Says why a pod could not be placed: per existing fleet and per pool, the first failing rule. */
final class Explain {
  private Explain() {}

  static String why(
      PodClass c,
      List<ExistingNode> nodes,
      List<NodePool> pools,
      List<TypeGroup> groups,
      PoolBudget budget,
      PackingContext ctx) {
    List<Candidates.Allowed> allowed = ctx.allowed().get(c.id());
    ShapeFactory factory = ctx.factory();
    List<String> parts = new ArrayList<>();
    if (!nodes.isEmpty()) {
      parts.add(existing(c, nodes));
    }
    Map<NodePool, List<TypeGroup>> byPool = new LinkedHashMap<>();
    pools.forEach(p -> byPool.put(p, new ArrayList<>()));
    groups.forEach(g -> byPool.get(g.pool()).add(g));
    for (Map.Entry<NodePool, List<TypeGroup>> e : byPool.entrySet()) {
      String why =
          e.getValue().isEmpty()
              ? "its requirements admit no offering of the catalog (zones "
                  + String.join(", ", factory.zones())
                  + ")"
              : pool(c, e.getKey(), e.getValue(), allowed, budget, ctx);
      parts.add("pool " + e.getKey().name() + ": " + why);
    }
    if (parts.isEmpty()) {
      return "no existing node and no node pool";
    }
    return String.join("; ", parts);
  }

  private static String existing(PodClass c, List<ExistingNode> nodes) {
    String first = null;
    int compatible = 0;
    PodClass required = c.withTerms(ClassPreparation.requiredTerms(c));
    for (ExistingNode n : nodes) {
      String reason =
          n.node.unschedulable()
              ? "cordoned"
              : Compatibility.whyNot(required, n.template, n.node.taints(), n.arch());
      if (reason == null) {
        compatible++;
      } else if (first == null) {
        first = n.node.name() + ": " + reason;
      }
    }
    if (compatible > 0) {
      return "existing nodes: " + compatible + " compatible but without room";
    }
    return "existing nodes: none compatible (" + first + ")";
  }

  private static String pool(
      PodClass c,
      NodePool pool,
      List<TypeGroup> groups,
      List<Candidates.Allowed> allowed,
      PoolBudget budget,
      PackingContext ctx) {
    ShapeFactory factory = ctx.factory();
    Taint taint = Toleration.firstUntolerated(c.template().tolerations(), pool.taints());
    if (taint != null) {
      return "taint " + taint + " not tolerated";
    }
    List<Candidates.Allowed> mine =
        allowed == null
            ? List.of()
            : allowed.stream().filter(a -> a.group().pool() == pool).toList();
    if (mine.isEmpty()) {
      boolean archOk =
          groups.stream().anyMatch(g -> Compatibility.archOk(c.template(), g.type().arch()));
      if (!archOk) {
        return "no instance type of an architecture the image is built for ("
            + String.join(",", c.template().architectures())
            + ")";
      }
      if (!c.domain().isEmpty()) {
        return "no instance type satisfies "
            + Compatibility.describe(c.terms())
            + " with topology domain "
            + c.domain();
      }
      return "no instance type satisfies "
          + Compatibility.describe(c.terms())
          + " and the pool's requirements";
    }
    String floors = ctx.minValues().whyNot(c, pool);
    if (floors != null) {
      return floors;
    }
    String limit = null;
    java.util.Set<String> offered = new java.util.TreeSet<>();
    for (Candidates.Allowed a : mine) {
      for (int i = 0; i < a.group().offerings().size(); i++) {
        if ((a.mask() & (1L << i)) == 0) {
          continue;
        }
        Shape s = factory.shape(a.group(), a.group().offerings().get(i));
        offered.addAll(s.allocatable().names());
        if (Dimensions.fits(c.request(), s.free())) {
          String why = budget.whyNot(s);
          if (why == null) {
            return "room within limits but not used (co-location rules)";
          }
          limit = why;
        }
      }
    }
    if (limit != null) {
      return limit;
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(c.template().requests().names());
    missing.removeAll(offered);
    if (!missing.isEmpty()) {
      return "no instance type offers " + String.join(", ", missing);
    }
    boolean strict =
        !MinValues.floors(pool).isEmpty()
            && ctx.options().minValuesPolicy() == PlanOptions.MinValuesPolicy.STRICT;
    return "no instance type fits requests "
        + c.template().requests()
        + (strict ? " among those that keep the pool's minValues of alternatives" : "");
  }
}
