package io.flotilla.core.plan;

import io.flotilla.core.label.Requirements;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.DaemonSet;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Taint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The nodes that already exist: their room after DaemonSets and bound pods, which pool each belongs
 * to (for limits), and the labels topology spread counts on.
 */
final class ExistingFleet {
  private static final List<String> POOL_LABELS =
      List.of(
          WellKnownLabels.NODE_POOL,
          WellKnownLabels.PROVISIONER_NAME,
          ShapeFactory.NODE_GROUP_LABEL,
          "eks.amazonaws.com/nodegroup");

  private final List<Node> nodes;
  private final Map<String, List<Pod>> boundByNode = new LinkedHashMap<>();
  private final Map<String, Resources> overhead = new HashMap<>();
  private final Map<String, Set<String>> daemonPorts = new HashMap<>();
  private final Dimensions dims;

  ExistingFleet(PlanRequest request, Dimensions dims) {
    this.dims = dims;
    this.nodes =
        request.nodes().stream().sorted(java.util.Comparator.comparing(Node::name)).toList();
    for (Node n : nodes) {
      boundByNode.put(n.name(), new ArrayList<>());
      overhead.put(n.name(), daemonOverhead(n, request.daemonSets()));
      daemonPorts.put(n.name(), daemonPorts(n, request.daemonSets()));
    }
    for (Pod p : request.pods()) {
      if (p.bound() && boundByNode.containsKey(p.nodeName())) {
        boundByNode.get(p.nodeName()).add(p);
      }
    }
  }

  Map<String, Map<String, String>> labelsByNode() {
    Map<String, Map<String, String>> labels = new HashMap<>();
    nodes.forEach(n -> labels.put(n.name(), n.labels()));
    return labels;
  }

  List<Pod> bound(String node) {
    return boundByNode.getOrDefault(node, List.of());
  }

  Resources overhead(String node) {
    return overhead.getOrDefault(node, Resources.NONE);
  }

  /** Can some schedulable node take one pod of the class under these terms? */
  boolean anyAccepts(PodClass c, List<Requirements> terms) {
    PodClass probe = c.withTerms(terms);
    for (Node n : nodes) {
      if (!n.unschedulable()
          && Compatibility.whyNot(probe, NodeTemplate.of(n.labels()), n.taints(), arch(n)) == null
          && Dimensions.fits(probe.request(), free(n))) {
        return true;
      }
    }
    return false;
  }

  /** How many pods of the class the schedulable nodes it may use have room for, together. */
  long room(PodClass c) {
    PodClass probe = c.withTerms(ClassPreparation.requiredTerms(c));
    long total = 0;
    for (Node n : nodes) {
      if (!n.unschedulable()
          && Compatibility.whyNot(probe, NodeTemplate.of(n.labels()), n.taints(), arch(n))
              == null) {
        long copies = Dimensions.copiesThatFit(probe.request(), free(n));
        total = copies == Long.MAX_VALUE ? Long.MAX_VALUE : total + copies;
        if (total == Long.MAX_VALUE) {
          return total;
        }
      }
    }
    return total;
  }

  /**
   * Values of a topology key on the nodes the class may use (by its required terms); with {@code
   * honourTaints} false, also on those whose taints it does not tolerate.
   */
  Set<String> domains(PodClass c, String key, boolean honourTaints) {
    c = c.withTerms(ClassPreparation.requiredTerms(c));
    Set<String> values = new TreeSet<>();
    for (Node n : nodes) {
      String v = n.labels().get(key);
      List<Taint> taints = honourTaints ? n.taints() : List.of();
      if (v != null
          && !n.unschedulable()
          && Compatibility.whyNot(c, NodeTemplate.of(n.labels()), taints, arch(n)) == null) {
        values.add(v);
      }
    }
    return values;
  }

  List<ExistingNode> nodes(List<PodClass> classes, Colocation colocation) {
    List<ExistingNode> out = new ArrayList<>();
    for (Node n : nodes) {
      List<Pod> bound = bound(n.name());
      BitSet blocked = new BitSet(classes.size());
      Set<String> taken = daemonPorts.get(n.name());
      for (PodClass c : classes) {
        if (c.template().hostPorts().stream().anyMatch(taken::contains)) {
          blocked.set(c.id()); // a DaemonSet on the node binds the port
          continue;
        }
        for (Pod p : bound) {
          if (Colocation.repels(c.template(), p)) {
            blocked.set(c.id());
            break;
          }
        }
      }
      out.add(
          new ExistingNode(
              n,
              free(n),
              overhead(n.name()),
              bound,
              classes.size(),
              colocation.initialGroupCounts(bound),
              blocked));
    }
    return out;
  }

  PoolBudget budget(List<NodePool> pools) {
    Map<String, Resources> usage = new HashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (Node n : nodes) {
      String pool = poolOf(n);
      if (pool != null) {
        Resources capacity = n.capacity().isEmpty() ? n.allocatable() : n.capacity();
        usage.merge(pool, capacity, Resources::plus);
        count.merge(pool, 1, Integer::sum);
      }
    }
    return new PoolBudget(pools, usage, count);
  }

  static String poolOf(Node n) {
    for (String key : POOL_LABELS) {
      String v = n.labels().get(key);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static String arch(Node n) {
    return n.labels().get(WellKnownLabels.ARCH);
  }

  private final Map<String, long[]> freeByNode = new HashMap<>();

  private long[] free(Node n) {
    return freeByNode.computeIfAbsent(n.name(), k -> computeFree(n)).clone();
  }

  private long[] computeFree(Node n) {
    Resources used = overhead(n.name());
    for (Pod p : bound(n.name())) {
      used = used.plus(ClassGrouping.withPodSlot(p.requests()));
    }
    return dims.vector(n.allocatable().minusFloored(used));
  }

  private static Set<String> daemonPorts(Node n, List<DaemonSet> daemonSets) {
    Set<String> ports = new TreeSet<>();
    for (DaemonSet ds : daemonSets) {
      if (Compatibility.daemonRuns(
          ds.template(), NodeTemplate.of(n.labels()), n.taints(), arch(n))) {
        ports.addAll(ds.template().hostPorts());
      }
    }
    return ports;
  }

  private static Resources daemonOverhead(Node n, List<DaemonSet> daemonSets) {
    Resources total = Resources.NONE;
    for (DaemonSet ds : daemonSets) {
      if (Compatibility.daemonRuns(
          ds.template(), NodeTemplate.of(n.labels()), n.taints(), arch(n))) {
        total = total.plus(ClassGrouping.withPodSlot(ds.template().requests()));
      }
    }
    return total;
  }
}
