package io.flotilla.bench;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: planning time of the generated mixes (standard and diverse) on the standard pools against
 * the full catalog. Run with {@code java -jar flotilla-bench/target/flotilla-bench-*-jmh.jar
 * PlannerBenchmark} (add e.g. {@code -p mix=diverse -p pods=10000} to pick cases).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class PlannerBenchmark {
  @Param({"1000", "10000", "50000"})
  int pods;

  /** A {@link BenchMix} name: standard or diverse. */
  @Param({"standard", "diverse"})
  String mix;

  private PlanRequest request;
  private final Planner planner = new Planner();

  @Setup
  public void setUp() {
    BenchCase benchCase =
        new BenchCase(
            BenchMix.valueOf(mix.toUpperCase(Locale.ROOT)), BenchPools.STANDARD, pods, 42);
    request = new PlanBenchmarkRun(Ec2Catalog.load(CatalogSettings.defaults())).request(benchCase);
  }

  @Benchmark
  public Plan plan() {
    return planner.plan(request);
  }
}
