package io.flotilla.cli.bench;

/**
 * One timed run of a command: wall seconds, and (null when not measured) its peak resident set in
 * KiB and the CPU seconds it used (user + system), which contention on a shared machine inflates
 * less than wall time.
 */
record RunSample(double wallSeconds, Long maxRssKiB, Double cpuSeconds) {
  /** A run of which only the wall time is known. */
  static RunSample wallOnly(double wallSeconds) {
    return new RunSample(wallSeconds, null, null);
  }
}
