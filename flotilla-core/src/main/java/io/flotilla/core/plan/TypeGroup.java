package io.flotilla.core.plan;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.resource.Resources;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance type under one pool: the labels its nodes share, the offerings (zone x capacity
 * type) the pool admits, allocatable and capacity before DaemonSets, and per offering the host
 * ports DaemonSets bind on its nodes (no pod using one of them may go there).
 */
record TypeGroup(
    int id,
    NodePool pool,
    InstanceType type,
    Map<String, String> baseLabels,
    Requirements open,
    List<Offering> offerings,
    Resources allocatable,
    Resources capacity,
    List<Set<String>> daemonPorts) {
  /** Offerings one group may hold: masks over them are longs. */
  static final int MAX_OFFERINGS = 63;

  TypeGroup {
    if (offerings.size() > MAX_OFFERINGS) {
      throw new IllegalArgumentException(type.name() + ": more than 63 offerings in one group");
    }
    daemonPorts = List.copyOf(daemonPorts);
  }

  /** Does a DaemonSet on the offering's nodes bind one of these host ports? */
  boolean portTaken(int offering, Set<String> ports) {
    if (ports.isEmpty()) {
      return false;
    }
    for (String p : daemonPorts.get(offering)) {
      if (ports.contains(p)) {
        return true;
      }
    }
    return false;
  }

  NodeTemplate template(Offering o) {
    return new NodeTemplate(baseLabels, o.zone(), o.capacityType().label(), open);
  }
}
