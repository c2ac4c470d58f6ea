package io.flotilla.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTimerTest {
  @TempDir Path scratch;

  @Test
  void aFailingCommandIsAnErrorQuotingItsExitCodeAndStandardError() {
    ProcessTimer timer = new ProcessTimer(ProcessTimer.GNU_TIME, scratch);

    assertThatThrownBy(() -> timer.run(List.of("sh", "-c", "echo 'no such file' >&2; exit 3")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exit code 3")
        .hasMessageContaining("no such file");
  }

  @Test
  void aRunReportsItsPeakMemoryWhenGnuTimeIsThereAndLeavesNoFilesBehind() throws Exception {
    ProcessTimer timer = new ProcessTimer(ProcessTimer.GNU_TIME, scratch);

    RunSample sample = timer.run(List.of("sh", "-c", "exit 0"));

    assertThat(sample.wallSeconds()).isPositive();
    if (timer.measuresMemory()) {
      assertThat(sample.maxRssKiB()).isPositive();
      assertThat(sample.cpuSeconds()).isNotNull();
    } else {
      assertThat(sample.maxRssKiB()).isNull();
    }
    try (var files = Files.list(scratch)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void withoutGnuTimeNoMemoryIsReported() throws Exception {
    ProcessTimer timer = new ProcessTimer(scratch.resolve("no-time-here"), scratch);

    assertThat(timer.measuresMemory()).isFalse();
    assertThat(timer.run(List.of("sh", "-c", "exit 0")).maxRssKiB()).isNull();
  }

  @Test
  void peakMemoryAndCpuSecondsComeFromTheLastLineGnuTimeWrote() throws Exception {
    Path out = scratch.resolve("time.txt");
    Files.writeString(out, "Command exited with non-zero status 3\n123456 1.25 0.50\n");

    assertThat(ProcessTimer.parse(2.5, out)).isEqualTo(new RunSample(2.5, 123456L, 1.75));
  }

  @Test
  void withoutALineFromGnuTimeOnlyTheWallTimeIsKnown() throws Exception {
    Path out = scratch.resolve("time.txt");
    Files.writeString(out, "Command terminated by signal 9\n");

    assertThat(ProcessTimer.parse(2.5, out)).isEqualTo(RunSample.wallOnly(2.5));
  }
}
