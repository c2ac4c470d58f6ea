package io.flotilla.core.plan;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Expands node pools into what they can launch: per pool, the instance types its requirements admit
 * with their admitted offerings; and, on demand, concrete priced shapes after DaemonSet overhead.
 */
final class ShapeFactory {
  private final Catalog catalog;
  private final List<DaemonSet> daemonSets;
  private final Dimensions dims;
  private final TypeLevels levels;
  private final Map<TypeGroup, Map<Offering, Map<Map<String, String>, Shape>>> shapes =
      new java.util.IdentityHashMap<>();
  private int nextShapeId;

  ShapeFactory(Catalog catalog, List<DaemonSet> daemonSets, Dimensions dims) {
    this(catalog, daemonSets, dims, new TypeLevels());
  }

  /** A factory that takes what pools make of types from (and adds it to) {@code levels}. */
  ShapeFactory(Catalog catalog, List<DaemonSet> daemonSets, Dimensions dims, TypeLevels levels) {
    this.catalog = catalog;
    this.daemonSets = daemonSets;
    this.dims = dims;
    this.levels = levels;
  }

  List<String> zones() {
    return catalog.zones();
  }

  /** The pool's instance types with at least one admitted offering, in catalog order. */
  List<TypeGroup> groups(NodePool pool, int firstId) {
    List<TypeGroup> groups = new ArrayList<>();
    for (InstanceType type : catalog.types()) {
      List<Offering> offerings = catalog.offerings(type.name());
      if (offerings.isEmpty()) {
        continue;
      }
      TypeLevels.Level level = levels.of(pool, type, catalog.region(), () -> level(pool, type));
      if (!level.admitted()) {
        continue;
      }
      Map<String, String> base = level.base();
      Requirements open = level.open();
      List<Offering> admitted = new ArrayList<>();
      for (Offering o : offerings) {
        if (pool.nodeClass().allowsZone(o.zone())
            && pool.requirements().allows(WellKnownLabels.ZONE, o.zone())
            && pool.requirements()
                .allows(WellKnownLabels.CAPACITY_TYPE, o.capacityType().label())) {
          admitted.add(o);
        }
      }
      Resources allocatable = level.allocatable();
      Resources capacity = level.capacity();
      // Offerings are addressed by bits of a long: a type sold in more places (Local Zones from a
      // price file) is split into several groups of the same type.
      for (int from = 0; from < admitted.size(); from += TypeGroup.MAX_OFFERINGS) {
        List<Offering> chunk =
            admitted.subList(from, Math.min(admitted.size(), from + TypeGroup.MAX_OFFERINGS));
        groups.add(
            new TypeGroup(
                firstId + groups.size(),
                pool,
                type,
                base,
                open,
                List.copyOf(chunk),
                allocatable,
                capacity,
                daemonPorts(pool, type, base, open, chunk)));
      }
    }
    return groups;
  }

  /** The concrete shape for one offering of a group, built once and shared. */
  Shape shape(TypeGroup group, Offering offering) {
    return shape(group, offering, Map.of());
  }

  /**
   * The shape with values fixed for some of the pool's open custom keys (a node launched under
   * {@code capacity-spread In [2,3,4,5]} carries one of those values): nodes with different values
   * are different shapes, so pods pinned to different values never share one.
   */
  Shape shape(TypeGroup group, Offering offering, Map<String, String> pins) {
    // By identity: groups and offerings are built once; hashing the records would be slow.
    return shapes
        .computeIfAbsent(group, g -> new java.util.IdentityHashMap<>())
        .computeIfAbsent(offering, o -> new HashMap<>())
        .computeIfAbsent(
            pins,
            k -> {
              NodeTemplate template = group.template(offering);
              if (!pins.isEmpty()) {
                Map<String, String> base = new TreeMap<>(template.base());
                base.putAll(pins);
                template =
                    new NodeTemplate(
                        base, template.zone(), template.capacityType(), template.open());
              }
              Resources overhead = daemonOverhead(group.pool(), template, group.type());
              long[] free = dims.vector(group.allocatable().minusFloored(overhead));
              // A burstable type only takes the CPU it sustains without spending credits.
              long sustained = group.type().sustainedCpuMillis() - overhead.get(ResourceNames.CPU);
              free[0] = Math.max(0, Math.min(free[0], sustained));
              double storage = catalog.storagePerHour(group.pool().nodeClass().billedEbsBytes());
              return new Shape(
                  nextShapeId++,
                  group.pool(),
                  offering,
                  template,
                  free,
                  overhead,
                  group.allocatable(),
                  group.capacity(),
                  offering.pricePerHour() + storage,
                  storage);
            });
  }

  /**
   * The same node with less room: what the node holds, DaemonSets included, stays within {@code
   * envelope} (for a pool's minValues floors). Its own id, so memos keyed by shape tell it apart.
   */
  Shape capped(Shape s, Resources envelope) {
    long[] room = dims.vector(envelope.minusFloored(s.daemonOverhead()));
    long[] free = s.free().clone();
    for (String name : envelope.names()) {
      int d = dims.indexOf(name);
      if (d >= 0) {
        free[d] = Math.min(free[d], room[d]);
      }
    }
    return new Shape(
        nextShapeId++,
        s.pool(),
        s.offering(),
        s.template(),
        free,
        s.daemonOverhead(),
        s.allocatable(),
        s.capacity(),
        s.price(),
        s.storagePerHour());
  }

  /** The custom-label values a shape fixed, restated for another group of the same pool. */
  static Map<String, String> pinsOf(Shape shape, TypeGroup group) {
    Map<String, String> pins = new TreeMap<>();
    for (Requirement r : group.open().list()) {
      String v = shape.template().base().get(r.key());
      if (r.operator() == Operator.IN && v != null) {
        pins.put(r.key(), v);
      }
    }
    return pins;
  }

  /**
   * The values a node for this class gets for the group's open custom keys that list their values
   * (In): the class's topology pin where it has one, else the first value its terms allow.
   */
  static Map<String, String> pins(PodClass c, TypeGroup group) {
    Map<String, String> pins = new TreeMap<>();
    for (Requirement r : group.open().list()) {
      if (r.operator() != Operator.IN || pins.containsKey(r.key())) {
        continue;
      }
      String pinned = c.domain().get(r.key());
      if (pinned != null) {
        pins.put(r.key(), pinned);
        continue;
      }
      for (String v : DomainCatalog.openValues(group, r.key(), c.terms())) {
        pins.put(r.key(), v);
        break;
      }
    }
    return pins;
  }

  /** What the pool makes of the type, before offerings: see {@link TypeLevels}. */
  private TypeLevels.Level level(NodePool pool, InstanceType type) {
    // Shared by every plan that meets the type again: read-only.
    Map<String, String> base = Collections.unmodifiableMap(baseLabels(pool, type));
    Requirements open = open(pool, base);
    NodeTemplate typeLevel = new NodeTemplate(base, null, null, open);
    boolean admitted = admitsType(pool, typeLevel);
    return new TypeLevels.Level(
        base,
        open,
        admitted,
        admitted ? Allocatable.of(type, pool.kubelet(), pool.nodeClass()) : null,
        admitted ? Allocatable.capacity(type, pool.kubelet(), pool.nodeClass()) : null);
  }

  private Map<String, String> baseLabels(NodePool pool, InstanceType type) {
    Map<String, String> labels = new TreeMap<>(type.labels());
    if (catalog.region() != null) {
      labels.put(WellKnownLabels.REGION, catalog.region());
    }
    String os = pool.requirements().pinnedLabels().get(WellKnownLabels.OS);
    labels.put(WellKnownLabels.OS, os != null ? os : pool.nodeClass().os());
    switch (pool.api()) {
      case V1 -> labels.put(WellKnownLabels.NODE_POOL, pool.name());
      case V1ALPHA5 -> labels.put(WellKnownLabels.PROVISIONER_NAME, pool.name());
      case NODE_GROUP -> labels.put(NODE_GROUP_LABEL, pool.name());
    }
    pool.labels().forEach(labels::putIfAbsent);
    pool.requirements()
        .pinnedLabels()
        .forEach(
            (k, v) -> {
              if (!WellKnownLabels.ZONE.equals(k) && !WellKnownLabels.CAPACITY_TYPE.equals(k)) {
                labels.putIfAbsent(k, v);
              }
            });
    return labels;
  }

  static final String NODE_GROUP_LABEL = "alpha.eksctl.io/nodegroup-name";

  private static Requirements open(NodePool pool, Map<String, String> base) {
    List<Requirement> open = new ArrayList<>();
    for (Requirement r : pool.requirements().list()) {
      if (!WellKnownLabels.isWellKnown(r.key()) && !base.containsKey(r.key())) {
        open.add(r);
      }
    }
    return new Requirements(open);
  }

  /** The pool's requirements hold on the type's labels (zone and capacity type come later). */
  private static boolean admitsType(NodePool pool, NodeTemplate typeLevel) {
    for (Requirement r : pool.requirements().list()) {
      if (WellKnownLabels.ZONE.equals(r.key()) || WellKnownLabels.CAPACITY_TYPE.equals(r.key())) {
        continue;
      }
      String value = typeLevel.get(r.key());
      boolean decided = value != null || WellKnownLabels.isWellKnown(r.key());
      if (decided && !r.matches(value)) {
        return false;
      }
    }
    return true;
  }

  /** Per offering, the host ports of the DaemonSets that run on its nodes. */
  private List<Set<String>> daemonPorts(
      NodePool pool,
      InstanceType type,
      Map<String, String> base,
      Requirements open,
      List<Offering> offerings) {
    List<Set<String>> out = new ArrayList<>();
    for (Offering o : offerings) {
      Set<String> ports = new TreeSet<>();
      NodeTemplate template = new NodeTemplate(base, o.zone(), o.capacityType().label(), open);
      for (DaemonSet ds : daemonSets) {
        if (!ds.template().hostPorts().isEmpty()
            && Compatibility.daemonRuns(ds.template(), template, pool.taints(), type.arch())) {
          ports.addAll(ds.template().hostPorts());
        }
      }
      out.add(ports.isEmpty() ? Set.of() : Set.copyOf(ports));
    }
    return out;
  }

  private Resources daemonOverhead(NodePool pool, NodeTemplate template, InstanceType type) {
    Resources total = Resources.NONE;
    for (DaemonSet ds : daemonSets) {
      if (Compatibility.daemonRuns(ds.template(), template, pool.taints(), type.arch())) {
        total = total.plus(ClassGrouping.withPodSlot(ds.template().requests()));
      }
    }
    return total;
  }
}
