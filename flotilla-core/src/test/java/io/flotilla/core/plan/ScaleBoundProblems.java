package io.flotilla.core.plan;

import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.workload.MixGenerator;
import io.flotilla.core.workload.MixSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bound problems at benchmark scale, built without the planner: the pods of a {@link MixGenerator}
 * mix grouped by request and architecture, and every us-east-1 instance type of the repository's
 * EC2 data as two options (on-demand at its price, Spot at the Spot Advisor's savings), with
 * allocatable computed by {@link Allocatable}; GPU pods may use only GPU types, other pods only
 * types without accelerators and not bare metal. Optionally a share of the workloads gets a
 * hostname spread of one pod per node.
 */
final class ScaleBoundProblems {
  private static final Path DATA =
      Path.of("../flotilla-catalog/src/main/resources/io/flotilla/catalog");
  private static final List<String> DIMS =
      List.of(
          ResourceNames.CPU, ResourceNames.MEMORY, ResourceNames.PODS, ResourceNames.NVIDIA_GPU);

  private final List<InstanceType> types = new ArrayList<>();
  private final Map<String, Double> savings = new HashMap<>();

  ScaleBoundProblems() {
    try {
      List<String> rows = Files.readAllLines(DATA.resolve("ec2-instance-types.csv"));
      for (String line : rows.subList(1, rows.size())) {
        String[] c = line.split(",", -1);
        if (c[21].isEmpty()) {
          continue;
        }
        int gpus = Integer.parseInt(c[9]);
        Gpu gpu =
            gpus == 0
                ? Gpu.NONE
                : new Gpu(gpus, c[10], c[11], c[12].isEmpty() ? 0 : Long.parseLong(c[12]));
        types.add(
            new InstanceType(
                c[0],
                c[1],
                c[2],
                number(c[3]),
                c[4],
                number(c[5]),
                Long.parseLong(c[6]),
                c[7],
                c[8],
                gpu,
                c[13].isEmpty() ? null : Integer.valueOf(c[13]),
                number(c[14]),
                c[15],
                number(c[16]),
                number(c[17]),
                number(c[18]),
                Double.parseDouble(c[21])));
      }
      for (String line : Files.readAllLines(DATA.resolve("ec2-spot-advisor.csv"))) {
        String[] c = line.split(",", -1);
        if (c[0].equals("us-east-1")) {
          savings.put(c[1], Integer.parseInt(c[2]) / 100.0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int number(String cell) {
    return cell.isEmpty() ? 0 : Integer.parseInt(cell);
  }

  static boolean dataPresent() {
    return Files.exists(DATA.resolve("ec2-instance-types.csv"));
  }

  int typeCount() {
    return types.size();
  }

  /**
   * @param workloads 0 for MixSpec's default (about one per 25 pods, at most 400)
   * @param spreadShare share of workloads with at most one pod per node
   */
  BoundProblem mix(int pods, int workloads, long seed, double spreadShare) {
    MixSpec spec = new MixSpec(pods, workloads, 0.15, 0.15, 0.03);
    List<Pod> mix = new MixGenerator(new Random(seed)).pods(spec);
    List<BoundProblem.Option> options = new ArrayList<>();
    List<Boolean> arm = new ArrayList<>();
    List<Boolean> gpu = new ArrayList<>();
    for (InstanceType t : types) {
      if (t.metal() || (t.exotic() && t.gpu().count() == 0)) {
        continue;
      }
      long[] room = vector(Allocatable.of(t, KubeletConfig.DEFAULT, NodeClass.defaults("default")));
      options.add(option(t.name() + "/on-demand", room, t.onDemandPrice()));
      arm.add("arm64".equals(t.arch()));
      gpu.add(t.gpu().count() > 0);
      Double off = savings.get(t.name());
      if (off != null && off > 0) {
        options.add(option(t.name() + "/spot", room, t.onDemandPrice() * (1 - off)));
        arm.add("arm64".equals(t.arch()));
        gpu.add(t.gpu().count() > 0);
      }
    }
    Random spread = new Random(seed ^ 0x5eed);
    Map<String, Boolean> spreadOf = new HashMap<>();
    Map<List<Object>, long[]> grouped = new LinkedHashMap<>();
    for (Pod p : mix) {
      String workload = p.owner();
      boolean spreads = spreadOf.computeIfAbsent(workload, w -> spread.nextDouble() < spreadShare);
      String arch = arch(p);
      List<Object> key =
          List.of(
              p.requests(),
              arch,
              spreads ? workload : "",
              p.requests().get(ResourceNames.NVIDIA_GPU));
      grouped.computeIfAbsent(key, k -> new long[1])[0]++;
    }
    List<BoundProblem.Demand> demands = new ArrayList<>();
    for (Map.Entry<List<Object>, long[]> e : grouped.entrySet()) {
      Resources requests = (Resources) e.getKey().get(0);
      String arch = (String) e.getKey().get(1);
      boolean spreads = !((String) e.getKey().get(2)).isEmpty();
      boolean wantsGpu = (Long) e.getKey().get(3) > 0;
      long[] request = vector(requests.plus(Resources.of(ResourceNames.PODS, 1)));
      List<Integer> allowed = new ArrayList<>();
      for (int o = 0; o < options.size(); o++) {
        boolean archOk = arch.isEmpty() || arch.equals("arm64") == arm.get(o);
        if (archOk && wantsGpu == gpu.get(o) && Dimensions.fits(request, options.get(o).room())) {
          allowed.add(o);
        }
      }
      demands.add(
          new BoundProblem.Demand(
              request,
              e.getValue()[0],
              spreads ? 1 : BoundProblem.UNLIMITED,
              allowed.stream().mapToInt(Integer::intValue).toArray()));
    }
    return new BoundProblem(DIMS.size(), demands, options, List.of());
  }

  private static String arch(Pod p) {
    if (!p.architectures().isEmpty()) {
      return p.architectures().iterator().next();
    }
    for (var term : p.nodeAffinity().requiredTerms()) {
      for (var r : term.list()) {
        if (WellKnownLabels.ARCH.equals(r.key())) {
          return r.values().iterator().next();
        }
      }
    }
    return "";
  }

  private static BoundProblem.Option option(String name, long[] room, double price) {
    return new BoundProblem.Option(
        name, room, price, BoundProblem.UNLIMITED, BoundProblem.NO_POOL, new long[0]);
  }

  private static long[] vector(Resources r) {
    long[] v = new long[DIMS.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.get(DIMS.get(i));
    }
    return v;
  }
}
