package io.flotilla.cli.catalog;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.resource.Quantity;
import io.flotilla.core.resource.ResourceNames;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for the instance-types options; picocli reports their messages with the option. */
final class OptionConverters {
  private OptionConverters() {}

  static final class Arch implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.equals("amd64") && !value.equals("arm64")) {
        throw new TypeConversionException("expected amd64 or arm64 but was '" + value + "'");
      }
      return value;
    }
  }

  static final class Capacity implements ITypeConverter<CapacityType> {
    @Override
    public CapacityType convert(String value) {
      return switch (value) {
        case "spot" -> CapacityType.SPOT;
        case "on-demand" -> CapacityType.ON_DEMAND;
        default ->
            throw new TypeConversionException("expected spot or on-demand but was '" + value + "'");
      };
    }
  }

  /** A Kubernetes memory quantity ("16Gi", "512M") in bytes. */
  static final class MemoryBytes implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return Quantity.canonical(ResourceNames.MEMORY, value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected a Kubernetes quantity such as 16Gi but was '" + value + "'");
      }
    }
  }

  static final class NonNegative implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("expected a whole number but was '" + value + "'");
      }
      if (n < 0) {
        throw new TypeConversionException("must not be negative but was " + n);
      }
      return n;
    }
  }

  static final class Format implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.parse(value)
          .orElseThrow(
              () -> new TypeConversionException("expected table or json but was '" + value + "'"));
    }
  }
}
