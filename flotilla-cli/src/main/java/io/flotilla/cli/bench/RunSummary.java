package io.flotilla.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The timed runs of one command on one case: median, fastest and slowest wall time, the median CPU
 * seconds and the largest peak resident set of any run (null when not measured).
 */
record RunSummary(
    int runs,
    double medianSeconds,
    double minSeconds,
    double maxSeconds,
    Double medianCpuSeconds,
    Long maxRssKiB) {

  static RunSummary of(List<RunSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    double[] walls = samples.stream().mapToDouble(RunSample::wallSeconds).sorted().toArray();
    double[] cpus =
        samples.stream()
            .filter(s -> s.cpuSeconds() != null)
            .mapToDouble(RunSample::cpuSeconds)
            .sorted()
            .toArray();
    Long rss = null;
    for (RunSample s : samples) {
      if (s.maxRssKiB() != null && (rss == null || s.maxRssKiB() > rss)) {
        rss = s.maxRssKiB();
      }
    }
    return new RunSummary(
        walls.length,
        median(walls),
        walls[0],
        walls[walls.length - 1],
        cpus.length == 0 ? null : median(cpus),
        rss);
  }

  /** All wall times in run order, to the millisecond, for the record. */
  static String walls(List<RunSample> samples) {
    return samples.stream()
        .map(s -> String.format(Locale.ROOT, "%.3f", s.wallSeconds()))
        .collect(Collectors.joining(" "));
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
