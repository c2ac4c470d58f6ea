package io.flotilla.core.testing.check;

import io.flotilla.core.label.Requirement;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.testing.check.Cluster.NodeView;
import io.flotilla.core.testing.check.Launchable.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The choices Karpenter and kube-scheduler make between places a pod could go, flagged only where
 * the plan's choice is definitely wrong once it is carried out: existing nodes before new ones,
 * higher-weight pools first, untainted existing nodes before ones with a PreferNoSchedule taint the
 * pod does not tolerate, and no exotic type for pods that a generic type of the same pool holds.
 */
final class Preferences {
  private final Cluster cluster;
  private final Launchable launchable;
  private final Alternatives alternatives;

  Preferences(Cluster cluster, Launchable launchable, Alternatives alternatives) {
    this.cluster = cluster;
    this.launchable = launchable;
    this.alternatives = alternatives;
  }

  private boolean strictMinValues() {
    return cluster.request.options().minValuesPolicy() == PlanOptions.MinValuesPolicy.STRICT;
  }

  /**
   * A plain pod without preferred node affinity on a new node, while an existing node it may run on
   * has room for it, or while a pool of higher weight could still launch a node for it (pool
   * taints, PreferNoSchedule ones included, requirements, architecture, an offering of a type that
   * holds it after DaemonSets, within the pool's limits, keeping its minValues).
   */
  List<String> weightOrderAndReuse() {
    List<String> out = new ArrayList<>();
    for (NodeView n : cluster.newNodes()) {
      if (n.pool == null) {
        continue;
      }
      for (Pod p : n.planned) {
        if (!alternatives.plain(p) || !p.nodeAffinity().preferred().isEmpty()) {
          continue;
        }
        Optional<NodeView> existing = alternatives.existingWithRoom(p, x -> true);
        existing.ifPresent(
            e ->
                out.add(
                    p.id()
                        + " is on new node "
                        + n.name
                        + " while existing node "
                        + e.name
                        + " has room for it"));
        for (NodePool higher : cluster.pools.values()) {
          // Karpenter first tries pools whose PreferNoSchedule taints the pod tolerates too.
          if (higher.weight() <= n.pool.weight()
              || TaintRules.firstSoftUntolerated(p.tolerations(), higher.taints()).isPresent()) {
            continue;
          }
          Candidate c = launchable.forPod(higher, p, strictMinValues());
          if (c != null) {
            out.add(
                p.id()
                    + " is in pool "
                    + n.pool.name()
                    + " (weight "
                    + n.pool.weight()
                    + ") while pool "
                    + higher.name()
                    + " (weight "
                    + higher.weight()
                    + ") could still launch "
                    + c.type().name()
                    + " "
                    + c.offering().zone()
                    + " "
                    + c.offering().capacityType().label()
                    + " for it");
          }
        }
      }
    }
    return out;
  }

  /**
   * A plain pod on an existing node with a PreferNoSchedule taint it does not tolerate, while an
   * existing node without such a taint has room for it.
   */
  List<String> preferNoSchedule() {
    List<String> out = new ArrayList<>();
    for (NodeView n : cluster.nodes) {
      if (!n.existing) {
        continue;
      }
      for (Pod p : n.planned) {
        var soft = TaintRules.firstSoftUntolerated(p.tolerations(), n.taints);
        if (soft.isEmpty() || !alternatives.plain(p)) {
          continue;
        }
        alternatives
            .existingWithRoom(
                p, x -> TaintRules.firstSoftUntolerated(p.tolerations(), x.taints).isEmpty())
            .ifPresent(
                e ->
                    out.add(
                        p.id()
                            + " is on "
                            + n.name
                            + " despite its taint "
                            + soft.get()
                            + " while untainted "
                            + e.name
                            + " has room for it"));
      }
    }
    return out;
  }

  /**
   * A new node of an exotic type (metal, GPUs, Neuron, AMD GPUs, Gaudi) whose pods request none of
   * those devices, while a generic type of the same pool, in the same zone and capacity type and
   * with the same custom labels, admits and holds all its pods within the pool's limits. Pools with
   * minValues are left out: there the floors, not the exotic filter, decide.
   */
  List<String> exoticTypes() {
    List<String> out = new ArrayList<>();
    for (NodeView n : cluster.newNodes()) {
      if (n.pool == null
          || n.type == null
          || !Exotic.isExotic(n.type)
          || n.planned.isEmpty()
          || n.planned.stream().anyMatch(Exotic::wantsDevices)
          || !Launchable.floors(n.pool).isEmpty()) {
        continue;
      }
      for (Candidate c : launchable.candidates(n.pool)) {
        if (!c.exotic()
            && sameDomains(n, c)
            && n.planned.stream()
                .allMatch(p -> cluster.refusal(p, c.labels()::get, n.pool.taints()).isEmpty())
            && Launchable.holds(c, n.planned)
            && replacementWithinLimits(n, c)) {
          out.add(
              n.name
                  + " is exotic "
                  + n.type.name()
                  + " for pods "
                  + ids(n.planned)
                  + " that need no device, while "
                  + c.type().name()
                  + " of the same pool holds them");
          break;
        }
      }
    }
    return out;
  }

  private static List<String> ids(List<Pod> pods) {
    return pods.stream().map(p -> p.id().toString()).toList();
  }

  /** Zone, capacity type and every label the type does not decide are the node's. */
  private static boolean sameDomains(NodeView n, Candidate c) {
    for (Map.Entry<String, String> e : n.labels.entrySet()) {
      String key = e.getKey();
      boolean typeDecided =
          key.startsWith("karpenter.k8s.aws/instance-")
              || key.equals(KarpenterLabels.INSTANCE_TYPE)
              || key.equals(KarpenterLabels.ARCH)
              || key.equals(KarpenterLabels.HOSTNAME);
      if (!typeDecided && c.label(key) != null && !c.label(key).equals(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  private boolean replacementWithinLimits(NodeView n, Candidate c) {
    Map<String, Long> used = new TreeMap<>(launchable.usedCapacity(n.pool));
    n.capacity.forEach((k, v) -> used.merge(k, -v, Long::sum));
    c.capacity().forEach((k, v) -> used.merge(k, v, Long::sum));
    for (Map.Entry<String, Long> limit : n.pool.limits().asMap().entrySet()) {
      if (used.getOrDefault(limit.getKey(), 0L) > limit.getValue()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Under the Strict policy, every new node of a pool with minValues keeps them: the candidates of
   * its pool (every offering the pool admits) that every pod on the node may run on and that hold
   * all of them after DaemonSets span at least minValues values of each floor's key.
   */
  List<String> minValues() {
    List<String> out = new ArrayList<>();
    if (!strictMinValues()) {
      return out;
    }
    for (NodeView n : cluster.newNodes()) {
      if (n.pool == null) {
        continue;
      }
      List<Requirement> floors = Launchable.floors(n.pool);
      if (floors.isEmpty()) {
        continue;
      }
      List<Candidate> fitting =
          launchable.candidates(n.pool).stream()
              .filter(
                  c ->
                      n.planned.stream()
                          .allMatch(
                              p -> cluster.refusal(p, c.labels()::get, n.pool.taints()).isEmpty()))
              .filter(c -> Launchable.holds(c, n.planned))
              .toList();
      String missed = Launchable.missedFloor(floors, fitting);
      if (missed != null) {
        out.add(
            n.name
                + " of pool "
                + n.pool.name()
                + " ("
                + n.type.name()
                + ", pods "
                + ids(n.planned)
                + ") cannot keep "
                + missed);
      }
    }
    return out;
  }
}
