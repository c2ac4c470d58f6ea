package io.flotilla.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.flink.sink.CommittedLines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {

  @TempDir Path dir;

  @Test
  void runWritesEveryGeneratedEventAndReportsTheCounts() throws Exception {
    Path out = dir.resolve("out");
    Output output =
        run(
            "run",
            "--events",
            "5000",
            "--out",
            out.toString(),
            "--parallelism",
            "2",
            "--checkpoint-interval",
            "1s");

    assertThat(output.exit).isZero();
    assertThat(output.out).contains("5,000 lines  " + out.toUri().toString().replaceAll("/$", ""));
    assertThat(CommittedLines.count(out.resolve("raw-events").toUri().toString())).isEqualTo(5000);
    assertThat(CommittedLines.count(out.resolve("window-max").toUri().toString())).isPositive();
  }

  @Test
  void badOptionsExitWithUsageErrorsNamingTheValue() {
    Output badSource = run("run", "--source", "ftp://x", "--out", dir.toString());
    Output badInterval = run("run", "--out", dir.toString(), "--checkpoint-interval", "soon");
    Output badTarget = run("generate", "--to", "generator", "--events", "1");

    assertThat(badSource.exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badSource.err).contains("unknown source scheme in 'ftp://x'");
    assertThat(badInterval.exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badInterval.err).contains("--checkpoint-interval", "'soon'");
    assertThat(badTarget.exit).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badTarget.err).contains("--to must be kafka://");
  }

  @Test
  void theTopCommandListsItsSubcommands() {
    Output help = run("--help");

    assertThat(help.exit).isZero();
    assertThat(help.out).contains("run", "generate", "bench");
  }

  private record Output(int exit, String out, String err) {}

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = FlotillaFlinkCommand.commandLine();
    cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    cli.setErr(new java.io.PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true));
    int exit = cli.execute(args);
    return new Output(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
