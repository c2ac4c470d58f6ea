package io.flotilla.cli.plan;

import static io.flotilla.cli.plan.PlanJsonFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.cli.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pairing of one of Karpenter's published NodePool examples with one of its workload examples
 * plans: each pod placed or reported unschedulable with a reason. Workloads shipped at zero
 * replicas are scaled to five so they exercise the planner.
 */
class KarpenterExamplesPlanTest {
  @TempDir static Path scaled;

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
  void everyPodIsPlacedOrExplained(String poolName, String workloadName, Path pool, Path workload)
      throws IOException {
    JsonNode plan = plan("-f", pool.toString(), "-f", workload.toString());
    int expected = expectedPods(workload);
    int placed = 0;
    for (JsonNode n : plan.get("nodes")) {
      placed += n.get("pods").size();
      assertThat(n.get("pricePerHour").asDouble()).isPositive();
    }
    for (JsonNode u : plan.get("unschedulable")) {
      assertThat(u.get("reason").asText()).isNotBlank();
    }
    assertThat(placed + plan.get("unschedulable").size()).isEqualTo(expected);
  }

  /** The replicas the (scaled) workload file asks for; a Deployment without replicas has one. */
  private static int expectedPods(Path workload) throws IOException {
    int total = 0;
    boolean deployment = false;
    boolean counted = false;
    for (String line : Files.readAllLines(workload)) {
      if (line.startsWith("kind: ")) {
        if (deployment && !counted) {
          total += 1;
        }
        deployment = line.equals("kind: Deployment");
        counted = false;
      }
      if (deployment && line.matches("\\s{2}replicas: \\d+")) {
        total += Integer.parseInt(line.trim().substring("replicas: ".length()));
        counted = true;
      }
    }
    return deployment && !counted ? total + 1 : total;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
