package io.flotilla.flink.kinesis;

import java.time.Duration;

/** Exponential back-off after throttling: base, 2 x base, ... up to a ceiling; reset on success. */
final class Backoff {

  private final long baseMillis;
  private final long maxMillis;
  private int failures;

  Backoff(Duration base, Duration max) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.maxMillis = Math.max(baseMillis, max.toMillis());
  }

  /** Records one more throttled call and says how long to wait before the next. */
  long nextDelayMillis() {
    int shift = Math.min(failures++, 20);
    return Math.min(maxMillis, baseMillis << shift);
  }

  void reset() {
    failures = 0;
  }
}
