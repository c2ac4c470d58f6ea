package io.flotilla.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average from /proc/loadavg, to judge how noisy the timings are. */
final class LoadAverage {
  private static final Path PROC = Path.of("/proc/loadavg");

  private LoadAverage() {}

  /** "label: 1, 5 and 15 minute averages", or a line saying it is unknown. */
  static String describe(String label) {
    try {
      String[] f = Files.readString(PROC).trim().split("\\s+");
      return label
          + " (1, 5, 15 min): "
          + f[0]
          + " "
          + f[1]
          + " "
          + f[2]
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " CPUs";
    } catch (IOException | RuntimeException e) {
      return label + ": unknown (no " + PROC + ")";
    }
  }
}
