package io.flotilla.cli.simulate;

import io.flotilla.core.plan.PlanOptions.SpotAllocation;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code price-capacity-optimized} or {@code lowest-price}, EC2 Fleet's spellings. */
final class SpotAllocations implements ITypeConverter<SpotAllocation> {
  @Override
  public SpotAllocation convert(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "price-capacity-optimized" -> SpotAllocation.PRICE_CAPACITY_OPTIMIZED;
      case "lowest-price" -> SpotAllocation.LOWEST_PRICE;
      default ->
          throw new TypeConversionException(
              "expected price-capacity-optimized or lowest-price but was '" + value + "'");
    };
  }
}
