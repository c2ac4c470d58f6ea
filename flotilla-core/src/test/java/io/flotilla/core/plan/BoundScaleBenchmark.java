package io.flotilla.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Solve times of the bounds at 2k, 10k and 50k pods, a benchmark rather than a timed test: it runs
 * only with {@code -Dflotilla.bench=true} and prints its figures (each case three times in one JVM;
 * the first run includes JIT warm-up). It asserts only what must hold whatever the machine: both
 * bounds positive, the configuration LP not below the plain LP when it converged.
 */
class BoundScaleBenchmark {
  private static final int RUNS = 3;

  @Test
  void boundsAtScale() {
    assumeTrue(Boolean.getBoolean("flotilla.bench") && ScaleBoundProblems.dataPresent());
    ScaleBoundProblems scale = new ScaleBoundProblems();
    String only = System.getProperty("flotilla.bench.only", "");
    System.out.printf("types with a price: %d%n", scale.typeCount());
    for (String variant : List.of("mix", "shapes", "spread")) {
      for (int pods : new int[] {2_000, 10_000, 50_000}) {
        for (long seed : new long[] {1, 2}) {
          String name = variant + "-" + pods + "-s" + seed;
          if (!name.startsWith(only)) {
            continue;
          }
          int workloads = variant.equals("mix") ? 0 : pods / 25;
          double spread = variant.equals("spread") ? 0.3 : 0;
          BoundProblem p = scale.mix(pods, workloads, seed, spread);
          run(name, p);
        }
      }
    }
  }

  private static void run(String name, BoundProblem p) {
    List<Double> plainMs = new ArrayList<>();
    List<Double> configMs = new ArrayList<>();
    PlainLpBound.Result plain = null;
    ConfigurationLpBound.Result config = null;
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      plain = PlainLpBound.solve(p);
      long t1 = System.nanoTime();
      config = ConfigurationLpBound.solve(p, plain, ConfigurationLpBound.Budget.DEFAULT);
      long t2 = System.nanoTime();
      plainMs.add((t1 - t0) / 1e6);
      configMs.add((t2 - t1) / 1e6);
    }
    BoundReduction plainR = BoundReduction.of(p, BoundReduction.Dominance.PER_DOLLAR);
    BoundReduction configR = BoundReduction.of(p, BoundReduction.Dominance.PER_NODE);
    System.out.printf(
        "%-18s demands %5d -> %4d (config %4d), options %4d -> %3d (config %3d) | plain %10.4f"
            + " exact=%s rounds=%d ms %s | config %10.4f (+%.2f%%) converged=%s iter=%d ms %s%n",
        name,
        p.demands().size(),
        plainR.demandCount(),
        configR.demandCount(),
        p.options().size(),
        plainR.optionCount(),
        configR.optionCount(),
        plain.bound(),
        plain.exact(),
        plain.rounds(),
        summary(plainMs),
        config.bound(),
        100 * (config.bound() / plain.bound() - 1),
        config.converged(),
        config.iterations(),
        summary(configMs));
    assertThat(plain.bound()).isPositive();
    if (config.converged()) {
      assertThat(config.bound()).isGreaterThanOrEqualTo(plain.bound() * (1 - 1e-6));
    }
  }

  private static String summary(List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return String.format(
        "median %.0f [%.0f..%.0f]",
        sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
  }
}
