package io.flotilla.cli.plan;

import io.flotilla.core.plan.PlanOptions.MinValuesPolicy;
import io.flotilla.core.plan.PlanOptions.UnknownArchitecture;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the planning options' values; picocli prefixes their messages with the option's
 * name and exits with code 2.
 */
final class OptionValues {
  private static final String DECIMAL = "-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)";
  private static final Pattern FRACTION =
      Pattern.compile("(" + DECIMAL + ")(?:\\s*/\\s*(" + DECIMAL + "))?");

  private OptionValues() {}

  /** {@code any} or {@code amd64}. */
  static final class UnknownArch implements ITypeConverter<UnknownArchitecture> {
    @Override
    public UnknownArchitecture convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "any" -> UnknownArchitecture.ANY;
        case "amd64" -> UnknownArchitecture.AMD64;
        default ->
            throw new TypeConversionException("expected any or amd64 but was '" + value + "'");
      };
    }
  }

  /** {@code strict} or {@code best-effort}; Karpenter's spellings Strict and BestEffort too. */
  static final class MinValues implements ITypeConverter<MinValuesPolicy> {
    @Override
    public MinValuesPolicy convert(String value) {
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "strict" -> MinValuesPolicy.STRICT;
        case "best-effort", "besteffort" -> MinValuesPolicy.BEST_EFFORT;
        default ->
            throw new TypeConversionException(
                "expected strict or best-effort but was '" + value + "'");
      };
    }
  }

  /** A price tolerance: a fraction of at least 0, e.g. 0.10 for 10 %. */
  static final class Tolerance implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double v = fraction(value);
      if (!(v >= 0 && Double.isFinite(v))) {
        throw new TypeConversionException(
            "a price tolerance must be 0 or more (0.10 means 10 percent dearer) but was '"
                + value
                + "'");
      }
      return v;
    }
  }

  /** A share: a fraction above 0 and at most 1, as a decimal or a ratio (1/3). */
  static final class Share implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double v = fraction(value);
      if (!(v > 0 && v <= 1)) {
        throw new TypeConversionException(
            "a share must be above 0 and at most 1 (e.g. 1/3 or 0.5) but was '" + value + "'");
      }
      return v;
    }
  }

  /** A decimal ("0.25", "-1") or a ratio of two decimals ("1/3"). */
  private static double fraction(String value) {
    Matcher m = FRACTION.matcher(value.trim());
    if (!m.matches()) {
      throw new TypeConversionException(
          "expected a number such as 0.25 or a ratio such as 1/3 but was '" + value + "'");
    }
    double v = Double.parseDouble(m.group(1));
    return m.group(2) == null ? v : v / Double.parseDouble(m.group(2));
  }
}
