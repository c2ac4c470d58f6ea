package io.flotilla.cli.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flotilla instance-types}: the catalog's offerings, filtered like an instance selector. */
@Command(
    name = "instance-types",
    mixinStandardHelpOptions = true,
    description = {
      "Lists EC2 instance types and their offerings in us-east-1, cheapest first.",
      "Spot prices come from a model (docs/pricing.md) unless --prices gives them.",
      "BAND is a Spot offering's interruption band; SOURCE says where its price comes from"
          + " (published, modelled or price-file)."
    })
public final class InstanceTypesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CatalogOptions catalogOptions;

  @Option(
      names = "--arch",
      paramLabel = "ARCH",
      converter = OptionConverters.Arch.class,
      description = "amd64 or arm64.")
  String arch;

  @Option(
      names = "--min-vcpu",
      paramLabel = "N",
      converter = OptionConverters.NonNegative.class,
      description = "At least N vCPUs.")
  int minVcpu;

  @Option(
      names = "--min-memory",
      paramLabel = "QUANTITY",
      converter = OptionConverters.MemoryBytes.class,
      description = "At least this much memory, a Kubernetes quantity such as 16Gi.")
  long minMemoryBytes;

  @Option(names = "--gpu", description = "Only types with GPUs.")
  boolean gpu;

  @Option(
      names = "--capacity-type",
      paramLabel = "TYPE",
      converter = OptionConverters.Capacity.class,
      description = "spot or on-demand.")
  CapacityType capacityType;

  @Option(names = "--zone", paramLabel = "ZONE", description = "Only this zone, e.g. us-east-1a.")
  String zone;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = OptionConverters.Format.class,
      description = "table (default) or json.")
  OutputFormat output;

  private final ObjectMapper json = new ObjectMapper();

  @Override
  public Integer call() {
    Catalog catalog = catalogOptions.catalog();
    if (zone != null && !catalog.zones().contains(zone)) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value for option '--zone': expected one of "
              + catalog.zones()
              + " but was '"
              + zone
              + "'");
    }
    OfferingFilter filter =
        new OfferingFilter(arch, minVcpu, minMemoryBytes, gpu, capacityType, zone);
    List<OfferingRow> rows =
        catalog.offerings().stream()
            .filter(filter)
            .map(OfferingRow::of)
            .sorted(OfferingRow.ORDER)
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      out.println(toJson(rows));
      out.flush();
    } else {
      OfferingTable.print(rows, out);
    }
    return 0;
  }

  private String toJson(List<OfferingRow> rows) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
