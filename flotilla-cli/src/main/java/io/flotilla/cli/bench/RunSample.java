package io.flotilla.cli.bench;

/** One timed run of a command: wall seconds, and its peak resident memory (null: not measured). */
record RunSample(double wallSeconds, Long maxRssKiB) {}
