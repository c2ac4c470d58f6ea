package io.flotilla.cli.catalog;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.catalog.csv.CatalogDataException;
import io.flotilla.core.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The catalog options a command mixes in ({@code @Mixin CatalogOptions catalog;}): {@code --prices
 * FILE}, and the catalog itself, loaded once per command instance. A bad price file becomes a
 * {@link ParameterException} naming the file, line and column, so picocli exits with code 2.
 */
public final class CatalogOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description =
          "CSV of prices (instance_type,zone,capacity_type,price_usd_hour) that override or add"
              + " offerings of the built-in catalog.")
  Path prices;

  private Ec2Catalog loaded;

  /** The catalog with the price file applied; loaded on first use. */
  public Catalog catalog() {
    return ec2().catalog();
  }

  /** The catalog with its interruption bands; loaded on first use. */
  public Ec2Catalog ec2() {
    if (loaded == null) {
      try {
        loaded = Ec2Catalog.open(new CatalogSettings(prices));
      } catch (CatalogDataException e) {
        if (prices != null
            && e.errors().stream().allMatch(err -> err.source().equals(prices.toString()))) {
          throw new ParameterException(
              mixee.commandLine(),
              "Invalid --prices file: " + e.getMessage(),
              e,
              mixee.findOption("--prices"),
              prices.toString());
        }
        throw e;
      }
    }
    return loaded;
  }

  /** The price file given, or null. */
  public Path priceFile() {
    return prices;
  }
}
