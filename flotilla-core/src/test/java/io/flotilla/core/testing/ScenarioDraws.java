package io.flotilla.core.testing;

import io.flotilla.core.testing.ScenarioGenerator.Kind;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The random draws of one generated problem: the seeded stream and the kinds chosen. {@link
 * ScenarioGenerator}, {@link ScenarioFleet} and {@link ScenarioWorkloads} all draw from this one
 * stream, in turn, which is what makes the same seed and kinds always give the same problem.
 */
final class ScenarioDraws {
  private static final String[] ARCHS = {"amd64", "arm64"};

  private final SplittableRandom random;
  private final Set<Kind> kinds;

  ScenarioDraws(long seed, Set<Kind> kinds) {
    this.random = new SplittableRandom(seed);
    this.kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
  }

  boolean on(Kind k) {
    return kinds.contains(k);
  }

  /** True with probability 1/n when the kind is chosen. */
  boolean chance(Kind k, int n) {
    return on(k) && random.nextInt(n) == 0;
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }

  String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** One of the architectures, amd64 or arm64. */
  String arch() {
    return pick(ARCHS);
  }
}
