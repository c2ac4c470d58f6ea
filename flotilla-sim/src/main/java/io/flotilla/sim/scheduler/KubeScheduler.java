package io.flotilla.sim.scheduler;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kube-scheduler as the simulation has it: each pending pod, in name order, goes to the feasible
 * node with the most room left (the least-allocated score over CPU and memory; ties by name).
 * Feasible: {@link NodeFilter}'s rules, the pod's requests within the node's free allocatable and
 * pod count, and required anti-affinity on the hostname key. Topology spreads and pod affinity are
 * not filters of this model yet.
 */
public final class KubeScheduler {
  private static final String CPU = "cpu";
  private static final String MEMORY = "memory";
  private static final String PODS = "pods";

  /** A binding the scheduler chose. */
  public record Binding(PodId pod, String node) {}

  /** The bindings for the pending pods that fit somewhere now. */
  public List<Binding> schedule(List<Pod> pods, List<Node> nodes, Set<PodId> terminating) {
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (Node n : nodes) {
      rooms.put(n.name(), new Room(n));
    }
    List<Pod> pending = new ArrayList<>();
    for (Pod p : pods) {
      if (!p.bound()) {
        if (!terminating.contains(p.id())) {
          pending.add(p);
        }
      } else if (rooms.containsKey(p.nodeName())) {
        rooms.get(p.nodeName()).add(p);
      }
    }
    List<Binding> out = new ArrayList<>();
    for (Pod pod : pending) {
      Room best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Room room : rooms.values()) {
        if (!room.fits(pod)) {
          continue;
        }
        double score = room.scoreAfter(pod);
        if (score > bestScore) {
          best = room;
          bestScore = score;
        }
      }
      if (best != null) {
        best.add(pod);
        out.add(new Binding(pod.id(), best.node.name()));
      }
    }
    return out;
  }

  /** A node and what is bound to it. */
  private static final class Room {
    final Node node;
    final NodeFilter filter;
    Resources used = Resources.NONE;
    int count;
    final List<Pod> bound = new ArrayList<>();

    Room(Node node) {
      this.node = node;
      this.filter = NodeFilter.of(node);
    }

    void add(Pod p) {
      used = used.plus(p.requests());
      count++;
      bound.add(p);
    }

    boolean fits(Pod pod) {
      if (filter.whyNot(pod) != null) {
        return false;
      }
      long maxPods = node.allocatable().get(PODS);
      if (maxPods > 0 && count >= maxPods) {
        return false;
      }
      if (!used.plus(pod.requests()).fitsIn(node.allocatable())) {
        return false;
      }
      for (PodAffinityTerm term : pod.antiAffinity()) {
        if (!WellKnownLabels.HOSTNAME.equals(term.topologyKey())) {
          continue;
        }
        for (Pod other : bound) {
          if (sameNamespace(term, pod, other) && term.selector().matches(other.labels())) {
            return false;
          }
        }
      }
      return true;
    }

    double scoreAfter(Pod pod) {
      Resources after = used.plus(pod.requests());
      return (free(after, CPU) + free(after, MEMORY)) / 2;
    }

    private double free(Resources after, String resource) {
      long total = node.allocatable().get(resource);
      return total <= 0 ? 0 : (double) (total - after.get(resource)) / total;
    }

    private static boolean sameNamespace(PodAffinityTerm term, Pod pod, Pod other) {
      return term.namespaces().isEmpty()
          ? other.id().namespace().equals(pod.id().namespace())
          : term.namespaces().contains(other.id().namespace());
    }
  }
}
