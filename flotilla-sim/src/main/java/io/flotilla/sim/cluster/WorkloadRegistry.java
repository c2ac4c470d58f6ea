package io.flotilla.sim.cluster;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The simulated cluster's workload controllers, by namespace and name and by their pods' owner. */
final class WorkloadRegistry {
  private final Map<String, WorkloadController> byName = new TreeMap<>();
  private final Map<String, WorkloadController> byOwner = new HashMap<>();

  /** The workload's controller, made on first sight, its spec replaced otherwise. */
  WorkloadController apply(Workload workload) {
    WorkloadController c = byName.get(key(workload.namespace(), workload.name()));
    if (c == null) {
      c = new WorkloadController(workload);
      byName.put(key(workload.namespace(), workload.name()), c);
    } else {
      c.spec = workload;
    }
    byOwner.put(ownerKey(workload.namespace(), workload.owner()), c);
    return c;
  }

  /** The controller of that workload, or null. */
  WorkloadController get(String namespace, String name) {
    return byName.get(key(namespace, name));
  }

  /** The controller whose pods carry {@code owner} ({@code Kind/name}), or null. */
  WorkloadController owning(String namespace, String owner) {
    return byOwner.get(ownerKey(namespace, owner));
  }

  /** Every controller, in namespace and name order. */
  Collection<WorkloadController> all() {
    return byName.values();
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static String ownerKey(String namespace, String owner) {
    return namespace + " " + owner;
  }
}
