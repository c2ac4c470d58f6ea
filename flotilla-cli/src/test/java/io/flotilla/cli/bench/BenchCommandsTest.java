package io.flotilla.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench commands' options and output layout; no figure here is a timing assertion. */
class BenchCommandsTest {
  @TempDir Path dir;

  @Test
  void benchPlanPrintsOneRowPerSizeAndSeed() {
    CliRun run =
        CliRun.of(
            "bench",
            "plan",
            "--mix",
            "diverse",
            "--sizes",
            "120,150",
            "--seeds",
            "1,2",
            "--repetitions",
            "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("mix diverse, pools standard, Spot diversification on, 1 timed run(s) per case");
    assertThat(lines.get(1)).contains("plain LP", "config LP", "cost/LP", "ffd/LP");
    List<String> rows = lines.subList(2, lines.size());
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().map(r -> r.trim().split("\\s+")[0] + "/" + r.trim().split("\\s+")[1]))
        .containsExactly("120/1", "120/2", "150/1", "150/2");
  }

  @Test
  void benchPlanRefusesZeroRepetitions() {
    CliRun run = CliRun.of("bench", "plan", "--sizes", "10", "--repetitions", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--repetitions must be at least 1");
  }

  @Test
  void benchCliWritesEachCaseAndPrintsTheExactCommandLines() throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "cli",
            "--write-only",
            "--dir",
            dir.toString(),
            "--mix",
            "few,diverse",
            "--sizes",
            "300",
            "--seed",
            "2",
            "--command",
            "java -Xshare:auto -jar flotilla.jar");

    assertThat(run.exitCode()).as(run.err()).isZero();
    for (String name : List.of("few-standard-300-s2", "diverse-standard-300-s2")) {
      Path caseDir = dir.resolve(name);
      assertThat(caseDir.resolve(MixManifests.DEPLOYMENTS)).isRegularFile();
      assertThat(caseDir.resolve(MixManifests.NODE_POOLS)).isRegularFile();
      assertThat(run.out())
          .contains("] java -Xshare:auto -jar flotilla.jar plan -f " + caseDir + "\n");
    }
  }

  @Test
  void benchCliTimesEveryCommandOnEveryCase() throws Exception {
    CliRun run =
        CliRun.of(
            "bench",
            "cli",
            "--dir",
            dir.toString(),
            "--mix",
            "diverse",
            "--sizes",
            "50,60",
            "--runs",
            "2",
            "--command",
            "true",
            "--command",
            "sh -c exit");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> rows = run.out().lines().filter(l -> l.startsWith("diverse-standard-")).toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.stream().map(r -> r.split("\\s+")[4])).containsExactly("1", "2", "1", "2");
    assertThat(run.out())
        .contains("[2] sh -c exit plan -f " + dir.resolve("diverse-standard-60-s1"));
    assertThat(Files.isDirectory(dir.resolve("diverse-standard-60-s1"))).isTrue();
  }

  @Test
  void benchCliReportsACommandThatFails() {
    CliRun run =
        CliRun.of(
            "bench",
            "cli",
            "--dir",
            dir.toString(),
            "--mix",
            "diverse",
            "--sizes",
            "10",
            "--runs",
            "1",
            "--command",
            "false");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: exit code 1 from false plan -f ")
        .doesNotContain("\tat ");
  }
}
