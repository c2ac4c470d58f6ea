package io.flotilla.core.plan;

import java.util.Arrays;
import java.util.List;

/**
 * What a lower bound on the cost of a request is computed from: the pods (demands), the kinds of
 * node they may go to (options) and the pools those nodes count against. It says nothing about how
 * a plan packs them, so a bound on it is a bound on every plan for the request.
 *
 * <p>Resource vectors have {@code dims} positions (see {@link Dimensions}). {@link #UNLIMITED}
 * stands for "no cap" and "no bound" wherever a count is optional.
 */
record BoundProblem(int dims, List<Demand> demands, List<Option> options, List<Pool> pools) {
  static final long UNLIMITED = Long.MAX_VALUE;
  static final int NO_POOL = -1;

  /**
   * {@code pods} identical pods, each asking for {@code request}; at most {@code perNodeCap} of
   * them on one node (hostname spread or anti-affinity to itself; {@link #UNLIMITED}: no cap); they
   * may use the options at the given positions of {@link BoundProblem#options()}.
   */
  record Demand(long[] request, long pods, long perNodeCap, int[] options) {
    Demand {
      request = request.clone();
      options = options.clone();
      if (pods < 0) {
        throw new IllegalArgumentException("negative pod count " + pods);
      }
      if (perNodeCap < 1) {
        throw new IllegalArgumentException("per-node cap must be at least 1: " + perNodeCap);
      }
      for (long r : request) {
        if (r < 0) {
          throw new IllegalArgumentException("negative request " + Arrays.toString(request));
        }
      }
    }

    boolean capped() {
      return perNodeCap != UNLIMITED;
    }
  }

  /**
   * A kind of node: the room one node has for pods (after DaemonSets, and after the pods already
   * bound for an existing node), its price per hour, at most {@code maxNodes} of it ({@link
   * #UNLIMITED} for a shape a pool launches, 1 for an existing node, which costs 0), the pool it
   * counts against ({@link #NO_POOL} for none) and what one node counts against each of that pool's
   * limits, in the order of {@link Pool#remaining()}.
   */
  record Option(String name, long[] room, double price, long maxNodes, int pool, long[] counts) {
    Option {
      room = room.clone();
      counts = counts.clone();
      if (!(price >= 0) || Double.isInfinite(price)) {
        throw new IllegalArgumentException(name + ": bad price " + price);
      }
      if (maxNodes < 0) {
        throw new IllegalArgumentException(name + ": negative node bound " + maxNodes);
      }
    }

    boolean bounded() {
      return maxNodes != UNLIMITED;
    }
  }

  /**
   * What a pool may still launch: per limited resource the amount left ({@code names} and {@code
   * remaining} in the same order), and the number of nodes left ({@link #UNLIMITED}: no cap).
   */
  record Pool(String name, List<String> names, long[] remaining, long maxNodes) {
    Pool {
      names = List.copyOf(names);
      remaining = remaining.clone();
      if (names.size() != remaining.length) {
        throw new IllegalArgumentException(name + ": limit names and amounts differ in number");
      }
      if (maxNodes < 0) {
        throw new IllegalArgumentException(name + ": negative node count " + maxNodes);
      }
    }

    boolean limited() {
      return remaining.length > 0 || maxNodes != UNLIMITED;
    }
  }

  BoundProblem {
    demands = List.copyOf(demands);
    options = List.copyOf(options);
    pools = List.copyOf(pools);
    for (Demand d : demands) {
      if (d.request().length != dims) {
        throw new IllegalArgumentException("request has " + d.request().length + " dimensions");
      }
      for (int o : d.options()) {
        if (o < 0 || o >= options.size()) {
          throw new IllegalArgumentException("demand refers to option " + o);
        }
      }
    }
    for (Option o : options) {
      if (o.room().length != dims) {
        throw new IllegalArgumentException(o.name() + ": room has " + o.room().length + " dims");
      }
      if (o.pool() != NO_POOL) {
        if (o.pool() < 0 || o.pool() >= pools.size()) {
          throw new IllegalArgumentException(o.name() + ": unknown pool " + o.pool());
        }
        if (o.counts().length != pools.get(o.pool()).remaining().length) {
          throw new IllegalArgumentException(o.name() + ": counts do not match the pool's limits");
        }
      } else if (o.counts().length != 0) {
        throw new IllegalArgumentException(o.name() + ": counts without a pool");
      }
    }
  }

  long totalPods() {
    long n = 0;
    for (Demand d : demands) {
      n += d.pods();
    }
    return n;
  }
}
