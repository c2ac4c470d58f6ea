package io.flotilla.flink.window;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The windows of the job: sliding maxima ({@code size} every {@code slide}) and tumbling statistics
 * of {@code statsWindow}. Events are pre-aggregated into panes of {@link #paneMillis()} (the
 * greatest common divisor of the three), which every window is a union of.
 */
public record WindowSpec(Duration size, Duration slide, Duration statsWindow)
    implements Serializable {

  /** The reference job's windows: maxima over 10 s every 5 s; statistics per minute. */
  public static final WindowSpec REFERENCE =
      new WindowSpec(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMinutes(1));

  public WindowSpec {
    requirePositiveMillis(size, "size");
    requirePositiveMillis(slide, "slide");
    requirePositiveMillis(statsWindow, "statsWindow");
    if (size.toMillis() % slide.toMillis() != 0) {
      throw new IllegalArgumentException(
          "size must be a multiple of slide, was size " + size + " and slide " + slide);
    }
  }

  public long paneMillis() {
    return gcd(gcd(size.toMillis(), slide.toMillis()), statsWindow.toMillis());
  }

  private static void requirePositiveMillis(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.toMillis() <= 0) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, was " + value);
    }
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
