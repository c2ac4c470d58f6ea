package io.flotilla.sim.scheduler;

import io.flotilla.core.node.Node;
import io.flotilla.core.plan.NodeFilter;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kube-scheduler as the simulation has it: each pending pod, in name order, goes to the feasible
 * node with the most room left (the least-allocated score over CPU and memory; ties by name).
 * Feasible: {@link NodeFilter}'s rules, the pod's requests within the node's free allocatable and
 * pod count, and kube-scheduler's PodTopologySpread and InterPodAffinity filters ({@link
 * PodTopology}: hard spreads, required affinity and anti-affinity on any key, both ways).
 */
public final class KubeScheduler {
  private static final String CPU = "cpu";
  private static final String MEMORY = "memory";
  private static final String PODS = "pods";

  /** A binding the scheduler chose. */
  public record Binding(PodId pod, String node) {}

  /**
   * A node's filter, built once per node object (a cordon makes a new one), with its verdicts on
   * the pod shapes seen so far (they depend on the node's labels and taints and the pod's shape
   * only).
   */
  private static final class CachedFilter {
    private static final byte UNKNOWN = 0;
    private static final byte PASSES = 1;
    private static final byte FAILS = 2;

    final Node node;
    private final NodeFilter filter;
    // By filter shape number: whether the shape passes, once known.
    private byte[] verdicts = new byte[16];

    CachedFilter(Node node, NodeFilter filter) {
      this.node = node;
      this.filter = filter;
    }

    boolean passes(Pod pod, int shape) {
      if (shape >= verdicts.length) {
        verdicts = Arrays.copyOf(verdicts, Math.max(shape + 1, 2 * verdicts.length));
      }
      if (verdicts[shape] == UNKNOWN) {
        verdicts[shape] = filter.whyNot(pod) == null ? PASSES : FAILS;
      }
      return verdicts[shape] == PASSES;
    }
  }

  private static final int MAX_FILTER_SHAPES = 4096;

  /** Numbers for the filter shapes met so far, so nodes keep their verdicts in arrays. */
  private final Map<Same, Integer> filterShapes = new HashMap<>();

  private final Map<String, CachedFilter> filters = new HashMap<>();

  /** The bindings for the pending pods that fit somewhere now. */
  public List<Binding> schedule(List<Pod> pods, List<Node> nodes, Set<PodId> terminating) {
    if (filterShapes.size() > MAX_FILTER_SHAPES) {
      // Pods that share no objects each make a shape: start over rather than grow without end.
      filterShapes.clear();
      filters.clear();
    }
    Map<String, Room> rooms = new LinkedHashMap<>();
    for (Node n : nodes) {
      rooms.put(n.name(), new Room(n, filterOf(n)));
    }
    filters.keySet().retainAll(rooms.keySet());
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
    PodTopology topology =
        new PodTopology(
            nodes,
            pods,
            name -> {
              Room room = rooms.get(name);
              return room == null ? null : room.node;
            },
            terminating);
    List<Binding> out = new ArrayList<>();
    // Rooms only fill up during a call, so a pod like one that found no node finds none either
    // (thousands of pending pods of a few workloads cost a few scans, not one each). Pods under
    // spread or inter-pod rules are not remembered: a binding can open a domain to them.
    Set<Shape> homeless = new HashSet<>();
    for (Pod pod : pending) {
      Shape shape = Shape.of(pod);
      boolean rules = topology.matters(pod);
      if (!rules && homeless.contains(shape)) {
        continue;
      }
      int filterShape = filterShapes.computeIfAbsent(shape.filter(), f -> filterShapes.size());
      Room best = null;
      double bestScore = Double.NEGATIVE_INFINITY;
      for (Room room : rooms.values()) {
        if (!room.fits(pod, filterShape) || (rules && !topology.admits(pod, room.node))) {
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
        topology.binding(pod, best.node);
        out.add(new Binding(pod.id(), best.node.name()));
      } else if (!rules) {
        homeless.add(shape);
      }
    }
    return out;
  }

  /**
   * What of a pod its feasibility on a node depends on, compared by reference: the pods of one
   * workload share their template's objects, so they share a shape (pods with equal but distinct
   * objects merely do not share one). {@code filter} is the part {@link NodeFilter} reads.
   */
  private record Shape(Same filter, Same room, String namespace) {
    static Shape of(Pod p) {
      return new Shape(
          new Same(p.tolerations(), p.architectures(), p.nodeAffinity()),
          new Same(p.requests(), p.antiAffinity(), null),
          p.id().namespace());
    }
  }

  /** Up to three objects, equal when the very same objects. */
  private static final class Same {
    private final Object a;
    private final Object b;
    private final Object c;

    Same(Object a, Object b, Object c) {
      this.a = a;
      this.b = b;
      this.c = c;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.a == a && s.b == b && s.c == c;
    }

    @Override
    public int hashCode() {
      return (31 * System.identityHashCode(a) + System.identityHashCode(b)) * 31
          + System.identityHashCode(c);
    }
  }

  private CachedFilter filterOf(Node n) {
    CachedFilter cached = filters.get(n.name());
    if (cached == null || cached.node != n) {
      cached = new CachedFilter(n, NodeFilter.of(n));
      filters.put(n.name(), cached);
    }
    return cached;
  }

  /**
   * A node and what is bound to it. The amounts in use are summed in place (no new {@link
   * Resources} per pod): the scheduler adds every bound pod on every call.
   */
  private static final class Room {
    final Node node;
    final CachedFilter filter;
    final Map<String, Long> used = new HashMap<>();
    int count;

    Room(Node node, CachedFilter filter) {
      this.node = node;
      this.filter = filter;
    }

    void add(Pod p) {
      p.requests().asMap().forEach((name, amount) -> used.merge(name, amount, Long::sum));
      count++;
    }

    /** What is in use plus the pod's requests fits the node's allocatable, resource by resource. */
    private boolean roomFor(Pod pod) {
      Resources requests = pod.requests();
      Resources allocatable = node.allocatable();
      for (Map.Entry<String, Long> e : used.entrySet()) {
        if (e.getValue() + requests.get(e.getKey()) > allocatable.get(e.getKey())) {
          return false;
        }
      }
      for (Map.Entry<String, Long> e : requests.asMap().entrySet()) {
        if (!used.containsKey(e.getKey()) && e.getValue() > allocatable.get(e.getKey())) {
          return false;
        }
      }
      return true;
    }

    boolean fits(Pod pod, int shape) {
      if (!filter.passes(pod, shape)) {
        return false;
      }
      long maxPods = node.allocatable().get(PODS);
      if (maxPods > 0 && count >= maxPods) {
        return false;
      }
      return roomFor(pod);
    }

    double scoreAfter(Pod pod) {
      return (free(pod, CPU) + free(pod, MEMORY)) / 2;
    }

    private double free(Pod pod, String resource) {
      long total = node.allocatable().get(resource);
      long after = used.getOrDefault(resource, 0L) + pod.requests().get(resource);
      return total <= 0 ? 0 : (double) (total - after) / total;
    }
  }
}
