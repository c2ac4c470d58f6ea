package io.flotilla.core.resource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ("250m", "4096Mi", "1.5", "2e3", "256M"), parsed exactly as the
 * API server does: decimal SI suffixes, binary suffixes and exponents.
 */
public final class Quantity {
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("n", new BigDecimal("1e-9")),
          Map.entry("u", new BigDecimal("1e-6")),
          Map.entry("m", new BigDecimal("1e-3")),
          Map.entry("", BigDecimal.ONE),
          Map.entry("k", new BigDecimal("1e3")),
          Map.entry("M", new BigDecimal("1e6")),
          Map.entry("G", new BigDecimal("1e9")),
          Map.entry("T", new BigDecimal("1e12")),
          Map.entry("P", new BigDecimal("1e15")),
          Map.entry("E", new BigDecimal("1e18")),
          Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
          Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

  private Quantity() {}

  private static final Pattern FORM =
      Pattern.compile(
          "([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(?:([eE][+-]?\\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?");

  /** The quantity's exact value in base units (cores, bytes, devices). */
  public static BigDecimal parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty quantity");
    }
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid quantity '" + text + "'");
    }
    BigDecimal value = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      value = new BigDecimal(m.group(1) + m.group(2));
    } else if (m.group(3) != null) {
      value = value.multiply(SUFFIXES.get(m.group(3)));
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("invalid quantity '" + text + "': negative");
    }
    return value;
  }

  /**
   * The canonical integer value for a resource: millicores for cpu, whole units (bytes, devices,
   * pods) for everything else, rounded up as the scheduler does.
   */
  public static long canonical(String resource, String text) {
    BigDecimal value = parse(text);
    if (ResourceNames.CPU.equals(resource)) {
      value = value.multiply(BigDecimal.valueOf(1000));
    }
    BigDecimal rounded = value.setScale(0, RoundingMode.CEILING);
    try {
      return rounded.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("quantity '" + text + "' is too large", e);
    }
  }

  /** Human form of a canonical value: "250m", "4Gi", "3". */
  public static String format(String resource, long canonical) {
    if (ResourceNames.CPU.equals(resource)) {
      return canonical % 1000 == 0 ? Long.toString(canonical / 1000) : canonical + "m";
    }
    if (ResourceNames.isByteSized(resource)) {
      String[] units = {"Ki", "Mi", "Gi", "Ti", "Pi"};
      String unit = "";
      long value = canonical;
      for (String u : units) {
        if (value == 0 || value % 1024 != 0) {
          break;
        }
        value /= 1024;
        unit = u;
      }
      return value + unit;
    }
    return Long.toString(canonical);
  }
}
