package io.flotilla.cli.bench;

import io.flotilla.bench.PlanBenchmarkRun.Figures;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints the figures of {@code flotilla bench plan}, one row per size and seed: prices in USD per
 * hour, ratios to the plain LP bound, "-" where a figure does not exist, "failed" (and a line
 * saying why) where the planner could not compute the bound.
 */
final class PlanFiguresTable {
  private static final String HEADER =
      "%7s %5s %9s %6s %9s %9s %11s %11s %11s %8s %11s %8s %7s %8s%n";
  private static final String ROW =
      "%7d %5d %9d %6d %9.1f %9.1f %11.4f %11s %11s %8s %11.4f %8s %7s %8d%n";

  private final PrintWriter out;

  PlanFiguresTable(PrintWriter out) {
    this.out = out;
  }

  void header() {
    out.printf(
        Locale.ROOT,
        HEADER,
        "pods",
        "seed",
        "workloads",
        "shapes",
        "median ms",
        "cpu ms",
        "cost $/h",
        "plain LP",
        "config LP",
        "cost/LP",
        "ffd $/h",
        "ffd/LP",
        "unsched",
        "heap MiB");
  }

  void row(Figures f) {
    out.printf(
        Locale.ROOT,
        ROW,
        f.pods(),
        f.benchCase().seed(),
        f.workloads(),
        f.shapes(),
        f.medianMillis(),
        f.medianCpuMillis(),
        f.costPerHour(),
        f.boundFailure() != null
            ? "failed"
            : String.format(Locale.ROOT, "%.4f%s", f.plainLp(), f.plainLpOptimal() ? "" : "*"),
        f.configurationLp() == null ? "-" : String.format(Locale.ROOT, "%.4f", f.configurationLp()),
        ratio(f.costToPlainLp()),
        f.firstFitPerHour(),
        ratio(f.firstFitToPlainLp()),
        f.unschedulable() + "/" + f.firstFitUnschedulable(),
        f.peakHeapMiB());
    if (f.boundFailure() == null && !f.plainLpOptimal()) {
      out.printf(
          "        * plain LP of %d pods, seed %d: the solver stopped before the optimum; the figure"
              + " is a certified lower bound, below the optimum%n",
          f.pods(), f.benchCase().seed());
    }
    if (f.boundFailure() != null) {
      out.printf(
          "        bound of %d pods, seed %d failed: %s%n",
          f.pods(), f.benchCase().seed(), f.boundFailure());
    }
    out.flush();
  }

  private static String ratio(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.4f", r);
  }
}
