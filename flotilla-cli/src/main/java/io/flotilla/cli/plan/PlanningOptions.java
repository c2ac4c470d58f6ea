package io.flotilla.cli.plan;

import io.flotilla.core.plan.PlanOptions;
import io.flotilla.core.plan.PlanOptions.MinValuesPolicy;
import io.flotilla.core.plan.PlanOptions.SpotDiversity;
import io.flotilla.core.plan.PlanOptions.UnknownArchitecture;
import picocli.CommandLine.Option;

/**
 * The planning choices {@code flotilla plan} exposes ({@code @Mixin}), turned into the core's
 * {@link PlanOptions}. Values are checked by the converters, so a bad one exits with code 2 and a
 * message naming the option.
 */
public final class PlanningOptions {
  @Option(
      names = "--unknown-image-arch",
      defaultValue = "any",
      paramLabel = "any|amd64",
      converter = OptionValues.UnknownArch.class,
      description =
          "Where pods whose images' architectures are unknown may go: any (a warning names those"
              + " that land on arm64) or amd64 only (default: ${DEFAULT-VALUE}).")
  UnknownArchitecture unknownArchitecture;

  @Option(
      names = "--min-values-policy",
      defaultValue = "strict",
      paramLabel = "strict|best-effort",
      converter = OptionValues.MinValues.class,
      description =
          "Karpenter's minValuesPolicy: strict refuses a node that cannot keep a requirement's"
              + " minValues, best-effort relaxes them (default: ${DEFAULT-VALUE}).")
  MinValuesPolicy minValuesPolicy;

  @Option(
      names = "--spot-price-tolerance",
      defaultValue = "0.10",
      paramLabel = "FRACTION",
      converter = OptionValues.Tolerance.class,
      description =
          "How much dearer (0.10: 10 %%) another Spot capacity pool may be and still take a"
              + " workload's Spot nodes for diversity (default: ${DEFAULT-VALUE}).")
  double spotPriceTolerance;

  @Option(
      names = "--spot-max-share",
      defaultValue = "1/3",
      paramLabel = "FRACTION",
      converter = OptionValues.Share.class,
      description =
          "The largest share of a workload's Spot replicas one capacity pool (instance type x"
              + " zone) may hold when enough pools qualify, e.g. 1/3 or 0.5 (default:"
              + " ${DEFAULT-VALUE}).")
  double spotMaxShare;

  @Option(
      names = "--no-spot-diversity",
      description =
          "Put Spot nodes on the cheapest capacity pools only (overrides --spot-price-tolerance"
              + " and --spot-max-share).")
  boolean noSpotDiversity;

  public PlanOptions toPlanOptions() {
    SpotDiversity diversity =
        noSpotDiversity
            ? SpotDiversity.OFF
            : new SpotDiversity(spotPriceTolerance, spotMaxShare, SpotDiversity.DEFAULT.minPools());
    return PlanOptions.DEFAULTS
        .withMinValuesPolicy(minValuesPolicy)
        .withUnknownArchitecture(unknownArchitecture)
        .withSpotDiversity(diversity);
  }
}
