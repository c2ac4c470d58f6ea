package io.flotilla.core.testing.check;

import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.check.Cluster.NodeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No two pods on a node bind the same host port (ports compared as written, "8080/TCP"): the pods
 * bound there, the DaemonSet pods that run there and the pods the plan adds. Only clashes that
 * involve a planned pod are the plan's.
 */
final class HostPorts {
  private final Cluster cluster;

  HostPorts(Cluster cluster) {
    this.cluster = cluster;
  }

  List<String> check() {
    List<String> out = new ArrayList<>();
    for (NodeView n : cluster.nodes) {
      if (n.planned.isEmpty()) {
        continue;
      }
      List<String> owners = new ArrayList<>();
      List<Set<String>> ports = new ArrayList<>();
      for (DaemonSet ds : cluster.daemonsOn(n)) {
        owners.add("DaemonSet " + ds.name());
        ports.add(ds.template().hostPorts());
      }
      for (Pod p : n.bound) {
        owners.add(p.id().toString());
        ports.add(p.hostPorts());
      }
      int firstPlanned = owners.size();
      for (Pod p : n.planned) {
        owners.add(p.id().toString());
        ports.add(p.hostPorts());
      }
      for (int j = firstPlanned; j < owners.size(); j++) {
        for (int i = 0; i < j; i++) {
          Set<String> shared = new HashSet<>(ports.get(i));
          shared.retainAll(ports.get(j));
          if (!shared.isEmpty()) {
            out.add(
                owners.get(i)
                    + " and "
                    + owners.get(j)
                    + " both bind host ports "
                    + shared
                    + " on "
                    + n.name);
          }
        }
      }
    }
    return out;
  }
}
