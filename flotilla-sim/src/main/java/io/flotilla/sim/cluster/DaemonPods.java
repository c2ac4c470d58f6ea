package io.flotilla.sim.cluster;

import io.flotilla.core.node.Node;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.ArrayList;
import java.util.List;

/** The DaemonSet pods a joining node runs: one per DaemonSet whose pod the node admits. */
final class DaemonPods {
  private DaemonPods() {}

  static List<Pod> on(List<DaemonSet> daemonSets, Node node) {
    NodeFilter filter = NodeFilter.of(node);
    List<Pod> out = new ArrayList<>();
    for (DaemonSet ds : daemonSets) {
      Pod pod =
          ds.template()
              .withId(new PodId(ds.namespace(), ds.name() + "-" + node.name()))
              .withNodeName(node.name());
      if (filter.whyNot(pod) == null) {
        out.add(pod);
      }
    }
    return out;
  }
}
