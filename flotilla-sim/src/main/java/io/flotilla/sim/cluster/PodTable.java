package io.flotilla.sim.cluster;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated cluster's pods, indexed so that an event costs what it touches: in name order for
 * {@link #pods()} (the scheduler binds in that order), looked up by hash, the terminating ones, and
 * those bound to each node. The list and set readers get are kept until {@link #dropSnapshots()} (a
 * pass reads them several times, and after every event that changed nothing they are read again);
 * the cluster drops them whenever pods, nodes or claims change, an entry changed in place included.
 */
final class PodTable {
  private final Map<PodId, PodEntry> byName = new TreeMap<>();
  private final Map<PodId, PodEntry> byId = new HashMap<>();
  private final Set<PodId> terminating = new LinkedHashSet<>();
  private final Map<String, Set<PodId>> onNode = new HashMap<>();
  private List<Pod> podsSnapshot;
  private Set<PodId> terminatingSnapshot;

  /** The pod's entry, or null. */
  PodEntry get(PodId id) {
    return byId.get(id);
  }

  void add(PodEntry e) {
    byName.put(e.pod.id(), e);
    byId.put(e.pod.id(), e);
  }

  /** The pod is bound to the node. */
  void bound(PodId id, String node) {
    onNode.computeIfAbsent(node, n -> new TreeSet<>()).add(id);
  }

  /** The pod is terminating. */
  void terminating(PodId id) {
    terminating.add(id);
  }

  /** Takes the pod out of every index: its entry, or null when there was none. */
  PodEntry remove(PodId id) {
    PodEntry e = byId.remove(id);
    if (e == null) {
      return null;
    }
    byName.remove(id);
    terminating.remove(id);
    if (e.pod.bound()) {
      Set<PodId> on = onNode.get(e.pod.nodeName());
      if (on != null) {
        on.remove(id);
      }
    }
    return e;
  }

  /** Forgets the node: the ids of the pods that were bound to it, or null when there were none. */
  Set<PodId> removeNode(String node) {
    return onNode.remove(node);
  }

  /** Pods bound to the node (terminating ones included). */
  List<Pod> on(String node) {
    Set<PodId> on = onNode.get(node);
    if (on == null) {
      return List.of();
    }
    List<Pod> out = new ArrayList<>(on.size());
    on.forEach(id -> out.add(byId.get(id).pod));
    return out;
  }

  List<Pod> pods() {
    if (podsSnapshot == null) {
      List<Pod> out = new ArrayList<>(byName.size());
      byName.values().forEach(e -> out.add(e.pod));
      // Immutable as List.copyOf makes them, so readers that copy it get it back as it is.
      podsSnapshot = List.copyOf(out);
    }
    return podsSnapshot;
  }

  Set<PodId> terminating() {
    if (terminatingSnapshot == null) {
      terminatingSnapshot = Set.copyOf(terminating);
    }
    return terminatingSnapshot;
  }

  void dropSnapshots() {
    podsSnapshot = null;
    terminatingSnapshot = null;
  }
}
