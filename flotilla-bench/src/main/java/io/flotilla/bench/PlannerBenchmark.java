package io.flotilla.bench;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.core.plan.Plan;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.plan.Planner;
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
 * JMH: planning time of the standard generated mix against the full catalog. Run with {@code java
 * -cp flotilla-bench/target/flotilla-bench-*-jmh.jar org.openjdk.jmh.Main PlannerBenchmark}.
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

  private PlanRequest request;
  private final Planner planner = new Planner();

  @Setup
  public void setUp() {
    request = new PlanBenchmarkRun(Ec2Catalog.load(CatalogSettings.defaults())).request(pods, 42);
  }

  @Benchmark
  public Plan plan() {
    return planner.plan(request);
  }
}
