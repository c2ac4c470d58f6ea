package io.flotilla.core.plan;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.TopologySpread;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-node limits between pods: hostname topology spread (at most maxSkew matching pods per node,
 * since a new empty node always keeps the minimum at zero), required anti-affinity on hostname, and
 * host ports. Classes are indexed by {@link PodClass#id()}.
 */
final class Colocation {
  /** A set of classes whose pods together may number at most {@code limit} on one node. */
  record Group(int limit, BitSet members, LabelSelector selector, String namespace) {}

  private final int[] selfCap;
  private final BitSet[] conflicts;
  private final List<Group> groups;
  private final int[][] groupsOf;
  private final boolean active;

  Colocation(List<PodClass> classes) {
    int n = classes.size();
    selfCap = new int[n];
    conflicts = new BitSet[n];
    java.util.Arrays.fill(selfCap, Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      conflicts[i] = new BitSet(n);
    }
    Map<List<Object>, Group> byKey = new LinkedHashMap<>();
    List<PodClass> antiAffine = new ArrayList<>();
    for (PodClass c : classes) {
      if (hostnameAntiAffinity(c.template())) {
        antiAffine.add(c);
      }
    }
    for (PodClass c : classes) {
      Pod p = c.template();
      for (TopologySpread spread : p.topologySpread()) {
        if (!WellKnownLabels.HOSTNAME.equals(spread.topologyKey())) {
          continue;
        }
        List<Object> key =
            List.of(spread.selector(), p.id().namespace(), spread.maxSkew(), spread.hard());
        byKey.computeIfAbsent(
            key,
            k -> {
              // A hard spread counts every matching pod on the node. A ScheduleAnyway one only
              // binds the pods that carry it, so pods relaxed after a failed attempt are free.
              BitSet members = new BitSet(n);
              for (PodClass d : classes) {
                if (d.template().id().namespace().equals(p.id().namespace())
                    && spread.selector().matches(d.template().labels())
                    && (spread.hard() || d.template().topologySpread().contains(spread))) {
                  members.set(d.id());
                }
              }
              return new Group(spread.maxSkew(), members, spread.selector(), p.id().namespace());
            });
      }
      // Only a pod with hostname anti-affinity or host ports can repel or be repelled by another:
      // a class with neither is checked against the classes that have anti-affinity alone.
      for (PodClass d : mayRepel(c) ? classes : antiAffine) {
        if (repels(p, d.template())) {
          if (c.id() == d.id()) {
            selfCap[c.id()] = 1;
          } else {
            conflicts[c.id()].set(d.id());
            conflicts[d.id()].set(c.id());
          }
        }
      }
    }
    groups = List.copyOf(byKey.values());
    List<List<Integer>> of = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      of.add(new ArrayList<>());
    }
    for (int g = 0; g < groups.size(); g++) {
      BitSet m = groups.get(g).members();
      for (int i = m.nextSetBit(0); i >= 0; i = m.nextSetBit(i + 1)) {
        of.get(i).add(g);
      }
    }
    boolean any = !groups.isEmpty();
    for (int i = 0; i < n; i++) {
      any |= selfCap[i] != Integer.MAX_VALUE || !conflicts[i].isEmpty();
    }
    active = any;
    groupsOf =
        of.stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
  }

  /**
   * Do two pods refuse to share a node? Anti-affinity on hostname either way round, or a host port
   * both need.
   */
  static boolean repels(Pod a, Pod b) {
    if (antiSelects(a, b) || antiSelects(b, a)) {
      return true;
    }
    Set<String> ports = new HashSet<>(a.hostPorts());
    ports.retainAll(b.hostPorts());
    return !ports.isEmpty();
  }

  private static boolean mayRepel(PodClass c) {
    return hostnameAntiAffinity(c.template()) || !c.template().hostPorts().isEmpty();
  }

  private static boolean hostnameAntiAffinity(Pod p) {
    for (PodAffinityTerm term : p.antiAffinity()) {
      if (WellKnownLabels.HOSTNAME.equals(term.topologyKey())) {
        return true;
      }
    }
    return false;
  }

  private static boolean antiSelects(Pod a, Pod b) {
    for (PodAffinityTerm term : a.antiAffinity()) {
      if (WellKnownLabels.HOSTNAME.equals(term.topologyKey())
          && term.selects(b, a.id().namespace())) {
        return true;
      }
    }
    return false;
  }

  List<Group> groups() {
    return Collections.unmodifiableList(groups);
  }

  int groupCount() {
    return groups.size();
  }

  /**
   * How many more pods of class c may join a node holding {@code counts} per class and {@code
   * groupCounts} per group, with {@code present} the classes on it and {@code blocked} the classes
   * its existing pods repel.
   */
  long room(int c, int[] counts, int[] groupCounts, BitSet present, BitSet blocked) {
    if (blocked != null && blocked.get(c)) {
      return 0;
    }
    if (conflicts[c].intersects(present)) {
      return 0;
    }
    long room = selfCap[c] == Integer.MAX_VALUE ? Long.MAX_VALUE : selfCap[c] - counts[c];
    for (int g : groupsOf[c]) {
      room = Math.min(room, groups.get(g).limit() - groupCounts[g]);
    }
    return Math.max(0, room);
  }

  void add(int c, long n, int[] counts, int[] groupCounts, BitSet present) {
    counts[c] += (int) n;
    for (int g : groupsOf[c]) {
      groupCounts[g] += (int) n;
    }
    if (n > 0) {
      present.set(c);
    }
  }

  /** Whether any class has a co-location rule at all; when none does, packing skips the checks. */
  boolean active() {
    return active;
  }

  boolean constrained(int c) {
    return selfCap[c] != Integer.MAX_VALUE || groupsOf[c].length > 0 || !conflicts[c].isEmpty();
  }

  /** Group counts an existing node starts with, from the pods already bound to it. */
  int[] initialGroupCounts(List<Pod> boundPods) {
    int[] counts = new int[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      for (Pod p : boundPods) {
        if (Objects.equals(p.id().namespace(), group.namespace())
            && group.selector().matches(p.labels())) {
          counts[g]++;
        }
      }
    }
    return counts;
  }
}
