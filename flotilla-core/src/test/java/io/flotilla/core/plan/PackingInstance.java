package io.flotilla.core.plan;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A packing batch built by hand, in the packers' terms: pod classes (one per workload), shapes of
 * real instance types in one zone on-demand with allocatable from {@link Allocatable} and no
 * DaemonSets, every class compatible with every shape, and the co-location rules of the pods.
 */
final class PackingInstance {
  static final Dimensions DIMS = new Dimensions(Set.of("cpu", "memory"));

  /**
   * Rows of ../shared/data/ec2-instance-types.csv (same columns as TestCatalog): m6i, c6i and r6i,
   * large to 4xlarge, with their us-east-1 on-demand prices.
   */
  private static final String ROWS =
      """
      c6i.2xlarge,c6i,c,6,2xlarge,8,16384,amd64,intel,0,,,,,3125,nitro,4,15,58,7910,14162,0.340000
      c6i.4xlarge,c6i,c,6,4xlarge,16,32768,amd64,intel,0,,,,,6250,nitro,8,30,234,15890,27381,0.680000
      c6i.large,c6i,c,6,large,2,4096,amd64,intel,0,,,,,781,nitro,3,10,29,1930,3114,0.085000
      c6i.xlarge,c6i,c,6,xlarge,4,8192,amd64,intel,0,,,,,1562,nitro,4,15,58,3920,6584,0.170000
      m6i.2xlarge,m6i,m,6,2xlarge,8,32768,amd64,intel,0,,,,,3125,nitro,4,15,58,7910,29317,0.384000
      m6i.4xlarge,m6i,m,6,4xlarge,16,65536,amd64,intel,0,,,,,6250,nitro,8,30,234,15890,57691,0.768000
      m6i.large,m6i,m,6,large,2,8192,amd64,intel,0,,,,,781,nitro,3,10,29,1930,6903,0.096000
      m6i.xlarge,m6i,m,6,xlarge,4,16384,amd64,intel,0,,,,,1562,nitro,4,15,58,3920,14162,0.192000
      r6i.2xlarge,r6i,r,6,2xlarge,8,65536,amd64,intel,0,,,,,3125,nitro,4,15,58,7910,59627,0.504000
      r6i.4xlarge,r6i,r,6,4xlarge,16,131072,amd64,intel,0,,,,,6250,nitro,8,30,234,15890,118312,1.008000
      r6i.large,r6i,r,6,large,2,16384,amd64,intel,0,,,,,781,nitro,3,10,29,1930,14481,0.126000
      r6i.xlarge,r6i,r,6,xlarge,4,32768,amd64,intel,0,,,,,1562,nitro,4,15,58,3920,29317,0.252000
      """;

  static final Map<String, InstanceType> TYPES = types();

  final List<PodClass> classes;
  final List<Shape> shapes;
  final BitSet[] compatible;
  final Colocation colocation;

  PackingInstance(List<List<Pod>> workloads, NodePool pool, List<String> typeNames) {
    classes = new ArrayList<>();
    for (List<Pod> pods : workloads) {
      Pod first = pods.get(0);
      classes.add(
          new PodClass(
              classes.size(),
              first,
              pods.stream().map(Pod::id).toList(),
              DIMS.vector(ClassGrouping.withPodSlot(first.requests())),
              List.of(),
              Map.of(),
              false));
    }
    shapes = new ArrayList<>();
    for (String name : typeNames) {
      shapes.add(shape(shapes.size(), pool, TYPES.get(name)));
    }
    compatible = new BitSet[shapes.size()];
    for (int s = 0; s < shapes.size(); s++) {
      compatible[s] = new BitSet();
      for (PodClass c : classes) {
        if (Dimensions.fits(c.request(), shapes.get(s).free())) {
          compatible[s].set(c.id());
        }
      }
    }
    colocation = new Colocation(classes);
  }

  long[] pods() {
    return classes.stream().mapToLong(PodClass::count).toArray();
  }

  ExactPacker exact() {
    return new ExactPacker(
        classes, shapes, compatible, colocation, DIMS.size(), new SolvedCovers());
  }

  BoundProblem boundProblem(PoolBudget budget) {
    return new BatchBoundProblem(classes, shapes, compatible, colocation, DIMS.size())
        .of(pods(), budget);
  }

  static PoolBudget budget(NodePool pool) {
    return new PoolBudget(List.of(pool), Map.of(), Map.of());
  }

  static Shape shape(int id, NodePool pool, InstanceType type) {
    Resources allocatable =
        Allocatable.of(type, KubeletConfig.DEFAULT, NodeClass.defaults("default"));
    Offering offering =
        new Offering(type, "us-east-1a", CapacityType.ON_DEMAND, type.onDemandPrice());
    return new Shape(
        id,
        pool,
        offering,
        new NodeTemplate(type.labels(), "us-east-1a", "on-demand", Requirements.NONE),
        DIMS.vector(allocatable),
        Resources.NONE,
        allocatable,
        Allocatable.capacity(type, KubeletConfig.DEFAULT, NodeClass.defaults("default")),
        type.onDemandPrice(),
        0);
  }

  private static Map<String, InstanceType> types() {
    Map<String, InstanceType> out = new LinkedHashMap<>();
    for (String line : ROWS.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      String[] c = line.split(",", -1);
      out.put(
          c[0],
          new InstanceType(
              c[0],
              c[1],
              c[2],
              Integer.parseInt(c[3]),
              c[4],
              Integer.parseInt(c[5]),
              Long.parseLong(c[6]),
              c[7],
              c[8],
              Gpu.NONE,
              null,
              Integer.parseInt(c[14]),
              c[15],
              Integer.parseInt(c[16]),
              Integer.parseInt(c[17]),
              Integer.parseInt(c[18]),
              Double.parseDouble(c[21])));
    }
    return out;
  }
}
