package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.taint.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which offerings a pod class may use: per instance-type group, a bit mask over the group's
 * offerings. Node selector terms are split so the type-level part is checked once per type and only
 * zone and capacity type per offering.
 */
final class Candidates {
  /** The offerings of one group a class may use, as a bit mask over the group's offerings. */
  record Allowed(TypeGroup group, long mask) {}

  private record SplitTerm(Requirements typeLevel, List<Requirement> offeringLevel) {}

  private final List<TypeGroup> groups;

  /** Classes that differ only in requests share their candidates; requests are checked later. */
  private record Key(
      List<Requirements> terms,
      List<io.flotilla.core.taint.Toleration> tolerations,
      java.util.Set<String> architectures,
      Map<String, String> domain,
      boolean avoidSoftTaints,
      java.util.Set<String> hostPorts) {}

  private final Map<Key, List<Allowed>> memo = new java.util.HashMap<>();
  private final Map<Key, List<Allowed>> rawMemo = new java.util.HashMap<>();
  private final Map<PodClass, List<Allowed>> byClass = new java.util.IdentityHashMap<>();

  Candidates(List<TypeGroup> groups) {
    this.groups = groups;
  }

  List<TypeGroup> groups() {
    return groups;
  }

  /** Everything the class may use, with the pool's spot-first rule applied. */
  List<Allowed> of(PodClass c) {
    // Asked again and again for the same class objects: skip building and hashing the key.
    List<Allowed> known = byClass.get(c);
    if (known == null) {
      known = byContent(c);
      byClass.put(c, known);
    }
    return known;
  }

  private List<Allowed> byContent(PodClass c) {
    Key key =
        new Key(
            c.terms(),
            c.template().tolerations(),
            c.template().architectures(),
            c.domain(),
            c.avoidSoftTaints(),
            c.template().hostPorts());
    return memo.computeIfAbsent(key, k -> List.copyOf(spotFirst(raw(c, c.terms()))));
  }

  /** Is there any offering at all for these terms (ignoring capacity)? */
  boolean anyFor(PodClass c, List<Requirements> terms) {
    return !raw(c, terms).isEmpty();
  }

  List<Allowed> raw(PodClass c, List<Requirements> terms) {
    Key key =
        new Key(
            terms,
            c.template().tolerations(),
            c.template().architectures(),
            c.domain(),
            c.avoidSoftTaints(),
            c.template().hostPorts());
    return rawMemo.computeIfAbsent(key, k -> List.copyOf(computeRaw(c, terms)));
  }

  private List<Allowed> computeRaw(PodClass c, List<Requirements> terms) {
    List<SplitTerm> split = split(withPins(terms, c.domain()));
    List<Allowed> out = new ArrayList<>();
    NodePool lastPool = null;
    boolean poolOk = false;
    for (TypeGroup g : groups) {
      if (g.pool() != lastPool) {
        lastPool = g.pool();
        poolOk =
            Toleration.firstUntolerated(c.template().tolerations(), lastPool.taints()) == null
                && (!c.avoidSoftTaints()
                    || Toleration.untoleratedSoftTaints(
                            c.template().tolerations(), lastPool.taints())
                        == 0);
      }
      if (!poolOk || !Compatibility.archOk(c.template(), g.type().arch())) {
        continue;
      }
      NodeTemplate typeLevel = new NodeTemplate(g.baseLabels(), null, null, g.open());
      long mask = 0;
      for (SplitTerm t : split) {
        if (!typeLevel.matches(t.typeLevel())) {
          continue;
        }
        for (int i = 0; i < g.offerings().size(); i++) {
          if (offeringMatches(t.offeringLevel(), g, i)
              && !g.portTaken(i, c.template().hostPorts())) {
            mask |= 1L << i;
          }
        }
      }
      if (mask != 0) {
        out.add(new Allowed(g, mask));
      }
    }
    return out;
  }

  private static boolean offeringMatches(List<Requirement> reqs, TypeGroup g, int i) {
    for (Requirement r : reqs) {
      String value =
          WellKnownLabels.ZONE.equals(r.key())
              ? g.offerings().get(i).zone()
              : g.offerings().get(i).capacityType().label();
      if (!r.matches(value)) {
        return false;
      }
    }
    return true;
  }

  /** Where a pool allows spot and the class can use it, its on-demand offerings are dropped. */
  private static List<Allowed> spotFirst(List<Allowed> allowed) {
    java.util.Set<String> spotPools = new java.util.HashSet<>();
    for (Allowed a : allowed) {
      for (int i = 0; i < a.group().offerings().size(); i++) {
        if ((a.mask() & (1L << i)) != 0
            && a.group().offerings().get(i).capacityType() == CapacityType.SPOT) {
          spotPools.add(a.group().pool().name());
        }
      }
    }
    List<Allowed> out = new ArrayList<>();
    for (Allowed a : allowed) {
      long mask = a.mask();
      if (spotPools.contains(a.group().pool().name())) {
        for (int i = 0; i < a.group().offerings().size(); i++) {
          if (a.group().offerings().get(i).capacityType() != CapacityType.SPOT) {
            mask &= ~(1L << i);
          }
        }
      }
      if (mask != 0) {
        out.add(new Allowed(a.group(), mask));
      }
    }
    return out;
  }

  private static List<Requirements> withPins(List<Requirements> terms, Map<String, String> pins) {
    if (pins.isEmpty()) {
      return terms;
    }
    Requirements pinned = Requirements.fromLabels(pins);
    if (terms.isEmpty()) {
      return List.of(pinned);
    }
    return terms.stream().map(t -> t.and(pinned)).toList();
  }

  private static List<SplitTerm> split(List<Requirements> terms) {
    if (terms.isEmpty()) {
      return List.of(new SplitTerm(Requirements.NONE, List.of()));
    }
    List<SplitTerm> out = new ArrayList<>();
    for (Requirements t : terms) {
      List<Requirement> typeLevel = new ArrayList<>();
      List<Requirement> offeringLevel = new ArrayList<>();
      for (Requirement r : t.list()) {
        if (WellKnownLabels.ZONE.equals(r.key()) || WellKnownLabels.CAPACITY_TYPE.equals(r.key())) {
          offeringLevel.add(r);
        } else {
          typeLevel.add(r);
        }
      }
      out.add(new SplitTerm(new Requirements(typeLevel), offeringLevel));
    }
    return out;
  }
}
