package io.flotilla.core.plan;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes grouped by identical free room. Whether a request fits depends on the room alone, and a
 * tier's shapes share few rooms (one type's Spot and on-demand offerings, types of equal size): the
 * 50,000-pod diverse mix has 2,560 shapes in 315 rooms, so fitting is decided once per room.
 */
final class Rooms {
  private final int[] roomOf;
  private final long[][] free;

  private Rooms(int[] roomOf, long[][] free) {
    this.roomOf = roomOf;
    this.free = free;
  }

  /** A key comparing a room by content. */
  private record Key(long[] free) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(free, k.free);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(free);
    }
  }

  static Rooms of(List<Shape> shapes) {
    Map<Key, Integer> ids = new HashMap<>();
    int[] roomOf = new int[shapes.size()];
    long[][] free = new long[shapes.size()][];
    for (int s = 0; s < shapes.size(); s++) {
      long[] f = shapes.get(s).free();
      Integer id = ids.putIfAbsent(new Key(f), ids.size());
      if (id == null) {
        id = ids.size() - 1;
        free[id] = f;
      }
      roomOf[s] = id;
    }
    return new Rooms(roomOf, Arrays.copyOf(free, ids.size()));
  }

  /** How many distinct rooms there are. */
  int count() {
    return free.length;
  }

  /** The room of shape {@code s}, an index below {@link #count()}. */
  int of(int s) {
    return roomOf[s];
  }

  /** The free room of room {@code r}. */
  long[] free(int r) {
    return free[r];
  }

  /**
   * Which classes of each group fit each room, found once and shared by the compatibility pass and
   * the on-demand fillers, which ask the same question of the same groups.
   */
  static final class Fits {
    private final Rooms rooms;
    private final List<List<Integer>> groups;
    private final List<PodClass> classes;
    private final BitSet[][] memo;

    Fits(Rooms rooms, List<List<Integer>> groups, List<PodClass> classes) {
      this.rooms = rooms;
      this.groups = groups;
      this.classes = classes;
      this.memo = new BitSet[groups.size()][];
    }

    Rooms rooms() {
      return rooms;
    }

    /** The classes of group {@code g} that fit room {@code r}; do not modify. */
    BitSet of(int g, int r) {
      if (memo[g] == null) {
        memo[g] = new BitSet[rooms.count()];
      }
      if (memo[g][r] == null) {
        BitSet fitting = new BitSet();
        long[] room = rooms.free(r);
        for (int c : groups.get(g)) {
          if (Dimensions.fits(classes.get(c).request(), room)) {
            fitting.set(c);
          }
        }
        memo[g][r] = fitting;
      }
      return memo[g][r];
    }
  }
}
