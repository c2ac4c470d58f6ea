package io.flotilla.control.disruption;

import static io.flotilla.core.testing.PodBuilder.app;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.testing.PodBuilder;
import io.flotilla.core.testing.TestCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random small clusters for property tests: 2 to 10 nodes of a few types, Spot or on-demand, each
 * filled with random pods that fit (by this class's own arithmetic), some protected by
 * do-not-disrupt, some held by a budget, some already being drained. It keeps the truth the
 * checkers compare against.
 */
final class RandomFleet {
  static final String[] TYPES = {
    "c5.large",
    "c5.xlarge",
    "m5.large",
    "m5.xlarge",
    "m5.2xlarge",
    "r5.large",
    "r5.xlarge",
    "c6g.xlarge",
    "m6g.large"
  };

  final TestFleet fleet;
  final NodePool pool;
  final Map<String, Resources> allocatable = new HashMap<>();
  final Map<String, List<Pod>> podsOn = new HashMap<>();
  final Set<String> protectedNodes = new HashSet<>();
  final Set<String> blocked = new HashSet<>();
  final Set<String> disrupting = new HashSet<>();
  final int nodes;

  RandomFleet(SplittableRandom random, Catalog catalog, NodePool pool, Instant since) {
    this.pool = pool;
    this.fleet = new TestFleet(catalog, pool);
    this.nodes = 2 + random.nextInt(9);
    int app = 0;
    for (int i = 0; i < nodes; i++) {
      String name = "n" + i;
      InstanceType type = catalog.type(TYPES[random.nextInt(TYPES.length)]).orElseThrow();
      CapacityType capacity = random.nextInt(3) == 0 ? CapacityType.SPOT : CapacityType.ON_DEMAND;
      String zone = TestCatalog.ZONES.get(random.nextInt(TestCatalog.ZONES.size()));
      fleet.node(name, type.name(), capacity, zone, since);
      Resources room = Allocatable.of(type, pool.kubelet(), pool.nodeClass());
      allocatable.put(name, room);
      List<Pod> pods = new ArrayList<>();
      Resources used = Resources.NONE;
      int wanted = random.nextInt(5);
      for (int k = 0; k < wanted; k++) {
        long cpu = 100L * (1 + random.nextInt(15));
        long memory = (128L << 20) * (1 + random.nextInt(24));
        Resources r = Resources.of(Map.of(ResourceNames.CPU, cpu, ResourceNames.MEMORY, memory));
        if (fits(used.plus(r), room)) {
          used = used.plus(r);
          PodBuilder b = app("app" + (app++)).requests(r);
          Pod pod = random.nextInt(20) == 0 ? ConsolidationTest.doNotDisrupt(b.one()) : b.one();
          if (pod.doNotDisrupt()) {
            protectedNodes.add(name);
          }
          pods.add(pod);
        }
      }
      fleet.pods(name, pods);
      if (random.nextInt(10) == 0) {
        blocked.add(name);
        fleet.blockedByBudget(name);
      }
      if (random.nextInt(10) == 0) {
        disrupting.add(name);
        fleet.disrupting(name);
      }
    }
    for (Pod p : fleet.pods()) {
      podsOn.computeIfAbsent(p.nodeName(), n -> new ArrayList<>()).add(p);
    }
  }

  static boolean fits(Resources used, Resources room) {
    return used.get(ResourceNames.CPU) <= room.get(ResourceNames.CPU)
        && used.get(ResourceNames.MEMORY) <= room.get(ResourceNames.MEMORY);
  }
}
