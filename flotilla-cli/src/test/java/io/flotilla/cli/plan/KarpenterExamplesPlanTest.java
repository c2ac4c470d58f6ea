package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.cli.testing.Shared;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.InstanceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pairing of one of Karpenter's published NodePool examples with one of its workload examples
 * plans as a Karpenter user expects: the pods a pool can run are all placed, on that file's pools,
 * on types of the architecture and capacity type the pool and the pods allow; the others are
 * unschedulable with the reason; generic pods never get GPU, accelerator or metal types. What each
 * file allows is written out below from reading it (not from the planner). Workloads shipped at
 * zero replicas are scaled to five.
 */
class KarpenterExamplesPlanTest {
  /** What a NodePool example file allows. */
  private record PoolFile(
      Set<String> pools, Set<String> archs, Set<String> capacityTypes, boolean accelerators) {}

  /** What a workload example asks for. */
  private record Workload(
      int pods, String arch, String capacityType, String device, String preferredArch) {}

  private static final Set<String> AMD64 = Set.of("amd64");
  private static final Set<String> BOTH = Set.of("amd64", "arm64");
  private static final Set<String> OD = Set.of("on-demand");
  private static final Set<String> SPOT = Set.of("spot");

  /** Default of most examples: amd64, on-demand, categories c/m/r (no accelerators). */
  private static PoolFile plain(String pool) {
    return new PoolFile(Set.of(pool), AMD64, OD, false);
  }

  private static final Map<String, PoolFile> POOLS =
      Map.ofEntries(
          Map.entry("100-cpu-limit.yaml", plain("limitcpu100")),
          Map.entry("al2-custom-ami.yaml", plain("default")),
          Map.entry("al2-custom-userdata.yaml", plain("default")),
          Map.entry("al2-kubelet-log-query.yaml", plain("default")),
          Map.entry("al2023-custom-userdata.yaml", plain("default")),
          Map.entry("bottlerocket.yaml", plain("default")),
          Map.entry("br-custom-userdata.yaml", plain("default")),
          Map.entry("custom-family-with-alias.yaml", plain("default")),
          Map.entry("custom-family.yaml", plain("default")),
          Map.entry("general-purpose.yaml", plain("general-purpose")),
          Map.entry("instance-store-ephemeral-storage.yaml", plain("default")),
          // No capacity-type requirement: Karpenter's NodeClaim template defaults it to on-demand.
          Map.entry(
              "large-instances.yaml", new PoolFile(Set.of("large-instances"), BOTH, OD, true)),
          Map.entry("max-node-lifetime.yaml", plain("default")),
          Map.entry("min-values-family.yaml", new PoolFile(Set.of("spot"), AMD64, SPOT, false)),
          Map.entry(
              "min-values-multiple-keys.yaml", new PoolFile(Set.of("spot"), AMD64, SPOT, false)),
          Map.entry("multiple-arch.yaml", new PoolFile(Set.of("amd64", "arm64"), BOTH, OD, false)),
          Map.entry("multiple-ebs.yaml", plain("default")),
          Map.entry("spot.yaml", new PoolFile(Set.of("spot"), AMD64, SPOT, false)),
          Map.entry("windows-2019.yaml", plain("windows2019")),
          Map.entry("windows-2022.yaml", plain("windows2022")),
          Map.entry("windows-2025.yaml", plain("windows2025")),
          Map.entry("windows-custom-userdata.yaml", plain("windows2022")));

  private static final Map<String, Workload> WORKLOADS =
      Map.ofEntries(
          Map.entry("arm64.yaml", new Workload(1, "arm64", null, null, null)),
          Map.entry("disruption-budget.yaml", new Workload(10, "amd64", null, null, null)),
          Map.entry("gpu-amd.yaml", new Workload(5, null, null, "amd.com/gpu", null)),
          Map.entry("gpu-nvidia.yaml", new Workload(5, null, null, "nvidia.com/gpu", null)),
          Map.entry("inflate.yaml", new Workload(1, null, null, null, null)),
          Map.entry("neuron.yaml", new Workload(5, null, null, "aws.amazon.com/neuron", null)),
          Map.entry("prefer-arm.yaml", new Workload(5, null, null, null, "arm64")),
          Map.entry("spot.yaml", new Workload(5, null, "spot", null, null)),
          Map.entry("spread-hostname-zone.yaml", new Workload(50, null, null, null, null)),
          Map.entry("spread-hostname.yaml", new Workload(10, null, null, null, null)),
          Map.entry("spread-zone.yaml", new Workload(5, null, null, null, null)));

  @TempDir static Path scaled;
  private static Catalog catalog;

  @BeforeAll
  static void loadCatalog() {
    catalog = Ec2Catalog.load(CatalogSettings.defaults());
  }

  static Stream<Arguments> pairings() throws IOException {
    List<Path> pools = list(Shared.karpenter("nodepools"));
    List<Arguments> out = new ArrayList<>();
    for (Path workload : list(Shared.karpenter("workloads"))) {
      Path copy = scaled.resolve(workload.getFileName());
      if (!Files.exists(copy)) {
        Files.writeString(copy, Files.readString(workload).replace("replicas: 0", "replicas: 5"));
      }
      for (Path pool : pools) {
        out.add(
            Arguments.of(
                pool.getFileName().toString(), workload.getFileName().toString(), pool, copy));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("pairings")
  void placesWhatThePoolCanRunAndExplainsTheRest(
      String poolFile, String workloadFile, Path pool, Path workload) {
    PoolFile p = POOLS.get(poolFile);
    Workload w = WORKLOADS.get(workloadFile);
    assertThat(p).as("traits of " + poolFile).isNotNull();
    assertThat(w).as("traits of " + workloadFile).isNotNull();
    JsonNode plan = plan("-f", pool.toString(), "-f", workload.toString());

    boolean runnable =
        (w.arch() == null || p.archs().contains(w.arch()))
            && (w.capacityType() == null || p.capacityTypes().contains(w.capacityType()))
            && (w.device() == null || p.accelerators());
    int placed = 0;
    Set<String> usedArchs = new TreeSet<>();
    for (JsonNode n : plan.get("nodes")) {
      placed += n.get("pods").size();
      assertThat(n.get("pricePerHour").asDouble()).isPositive();
      assertThat(p.pools()).contains(n.get("nodePool").asText());
      assertThat(p.capacityTypes()).contains(n.get("capacityType").asText());
      usedArchs.add(n.get("arch").asText());
      InstanceType type = catalog.type(n.get("instanceType").asText()).orElseThrow();
      if (w.device() == null) {
        assertThat(type.exotic()).as(type.name() + " for generic pods").isFalse();
      } else {
        long devices =
            type.devices().extended().get(w.device())
                + ("nvidia.com/gpu".equals(w.device()) && "nvidia".equals(type.gpu().manufacturer())
                    ? type.gpu().count()
                    : 0);
        assertThat(devices).as(type.name() + " offers " + w.device()).isPositive();
      }
    }
    if (runnable) {
      assertThat(placed).as("pods placed").isEqualTo(w.pods());
      assertThat(plan.get("unschedulable")).isEmpty();
      if (w.arch() != null) {
        assertThat(usedArchs).containsOnly(w.arch());
      }
      if (w.preferredArch() != null && p.archs().contains(w.preferredArch())) {
        assertThat(usedArchs).containsOnly(w.preferredArch());
      }
    } else {
      assertThat(placed).as("pods placed").isZero();
      assertThat(plan.get("unschedulable")).hasSize(w.pods());
      for (JsonNode u : plan.get("unschedulable")) {
        assertThat(u.get("reason").asText()).isNotBlank();
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
