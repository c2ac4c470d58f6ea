package io.flotilla.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The timed runs of one command on one case: median, fastest and slowest wall time, and the largest
 * peak resident memory of any run (null when none was measured).
 */
record RunSummary(
    int runs, double medianSeconds, double minSeconds, double maxSeconds, Long maxRssKiB) {

  static RunSummary of(List<RunSample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no runs to summarise");
    }
    double[] walls = samples.stream().mapToDouble(RunSample::wallSeconds).sorted().toArray();
    int n = walls.length;
    double median = n % 2 == 1 ? walls[n / 2] : (walls[n / 2 - 1] + walls[n / 2]) / 2;
    Long rss = null;
    for (RunSample s : samples) {
      if (s.maxRssKiB() != null && (rss == null || s.maxRssKiB() > rss)) {
        rss = s.maxRssKiB();
      }
    }
    return new RunSummary(n, median, walls[0], walls[n - 1], rss);
  }

  /** All wall times in run order, to the millisecond, for the record. */
  static String walls(List<RunSample> samples) {
    return samples.stream()
        .map(s -> String.format(Locale.ROOT, "%.3f", s.wallSeconds()))
        .collect(Collectors.joining(" "));
  }
}
