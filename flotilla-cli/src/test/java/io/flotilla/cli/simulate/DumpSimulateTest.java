package io.flotilla.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.cli.testing.CliRun;
import io.flotilla.cli.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario over a cluster dump (`kubectl get deploy,pods,nodes -o yaml`): the dump's nodes run
 * from the start and are billed, the pods that ran on them run there; a node whose offering the
 * catalog lacks is left out with a note naming it.
 */
class DumpSimulateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theDumpsNodeRunsWithItsPodsFromTheStart() throws IOException {
    Path dump = Shared.fixtures().resolve("planner-regressions").resolve("s21-dump.yaml");
    Path scenario = scenario(dump);

    CliRun run = CliRun.of("simulate", scenario.toString(), "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode out = JSON.readTree(run.out());
    // One hour of old-1, an m5.xlarge on-demand at its published $0.192 per hour; nothing else.
    assertThat(out.get("totalCost").asDouble()).isEqualTo(0.192);
    assertThat(out.get("costByArch").has("amd64")).isTrue();
    assertThat(out.get("maxNodes").asInt()).isEqualTo(1);
    assertThat(out.get("podPendingSeconds").get("max").asDouble()).isZero();
  }

  @Test
  void aNodeOutsideTheCatalogIsLeftOutWithANoteAndItsPodsArePlacedAnew() throws IOException {
    String text =
        Files.readString(Shared.fixtures().resolve("planner-regressions").resolve("s21-dump.yaml"))
            .replace(
                "topology.kubernetes.io/zone: us-east-1a",
                "topology.kubernetes.io/zone: eu-west-1a");
    Path dump = dir.resolve("dump.yaml");
    Files.writeString(dump, text);

    CliRun run = CliRun.of("simulate", scenario(dump).toString(), "-o", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "note: node old-1 not simulated: m5.xlarge/eu-west-1a/on-demand is not in the catalog");
    JsonNode out = JSON.readTree(run.out());
    assertThat(out.get("podsStillPending").asInt()).isZero();
    assertThat(out.get("podPendingSeconds").get("max").asDouble()).isPositive();
  }

  private Path scenario(Path dump) throws IOException {
    Path file = dir.resolve("scenario.yaml");
    Files.writeString(file, "manifests: ['" + dump + "']\nduration: 1h\n");
    return file;
  }
}
