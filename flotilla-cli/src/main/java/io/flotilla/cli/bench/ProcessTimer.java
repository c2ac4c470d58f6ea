package io.flotilla.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command to completion and measures it: wall time from process start to exit (System clock,
 * nanoseconds) and, when GNU time is at {@code timeBinary}, the process's peak resident set ({@code
 * %M}, KiB). Standard output is discarded; a failing command is an error that quotes the end of its
 * standard error.
 */
final class ProcessTimer {
  /** Where GNU time usually lives. */
  static final Path GNU_TIME = Path.of("/usr/bin/time");

  private static final int STDERR_TAIL = 2000;

  private final Path timeBinary;
  private final Path scratch;

  /** {@code scratch}: a directory for the runs' stderr and time output. */
  ProcessTimer(Path timeBinary, Path scratch) {
    this.timeBinary = timeBinary;
    this.scratch = scratch;
  }

  boolean measuresMemory() {
    return timeBinary != null && Files.isExecutable(timeBinary);
  }

  RunSample run(List<String> command) throws IOException, InterruptedException {
    Path err = Files.createTempFile(scratch, "stderr", ".txt");
    Path rss = Files.createTempFile(scratch, "rss", ".txt");
    try {
      List<String> full = new ArrayList<>();
      if (measuresMemory()) {
        full.addAll(List.of(timeBinary.toString(), "-f", "%M %U %S", "-o", rss.toString()));
      }
      full.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(full)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(err.toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      int code = process.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (code != 0) {
        throw new IOException(
            "exit code " + code + " from " + String.join(" ", command) + ":\n" + tail(err));
      }
      return measuresMemory() ? parse(seconds, rss) : RunSample.wallOnly(seconds);
    } finally {
      Files.deleteIfExists(err);
      Files.deleteIfExists(rss);
    }
  }

  /** The run with what GNU time wrote: its last line of the form "%M %U %S". */
  static RunSample parse(double wallSeconds, Path timeOutput) throws IOException {
    List<String> lines = Files.readAllLines(timeOutput, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (line.matches("\\d+ \\d+(\\.\\d+)? \\d+(\\.\\d+)?")) {
        String[] f = line.split(" ");
        return new RunSample(
            wallSeconds, Long.parseLong(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]));
      }
    }
    return RunSample.wallOnly(wallSeconds);
  }

  private static String tail(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.length() <= STDERR_TAIL ? text : text.substring(text.length() - STDERR_TAIL);
  }
}
