package io.flotilla.catalog;

import io.flotilla.catalog.csv.CsvResource;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.catalog.pricefile.PriceFileReader;
import io.flotilla.catalog.pricefile.PriceOverride;
import io.flotilla.catalog.pricefile.PriceOverrides;
import io.flotilla.catalog.pricing.AdvisorRow;
import io.flotilla.catalog.pricing.EbsPriceReader;
import io.flotilla.catalog.pricing.SpotAdvice;
import io.flotilla.catalog.pricing.SpotAdvisorReader;
import io.flotilla.catalog.pricing.SpotPriceModel;
import io.flotilla.catalog.pricing.SpotPriceReader;
import io.flotilla.catalog.pricing.SpotPriceRow;
import io.flotilla.catalog.pricing.ZoneAlias;
import io.flotilla.catalog.pricing.ZoneAvailability;
import io.flotilla.catalog.pricing.ZoneSpread;
import io.flotilla.catalog.pricing.Zones;
import io.flotilla.catalog.types.BurstableBaselineReader;
import io.flotilla.catalog.types.ExtendedResourceReader;
import io.flotilla.catalog.types.InstanceTypeColumns;
import io.flotilla.catalog.types.InstanceTypeReader;
import io.flotilla.catalog.types.TypeDetails;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Devices;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the bundled data and the user's price file and builds the catalog. */
final class CatalogLoader {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogLoader.class);

  private final CsvResource files;

  CatalogLoader(ClassLoader classLoader) {
    this.files = new CsvResource(classLoader);
  }

  Ec2Catalog load(CatalogSettings settings) {
    long start = System.nanoTime();
    Errors errors = new Errors();
    List<InstanceType> read =
        InstanceTypeReader.read(
            files.bundled(InstanceTypeColumns.FILE, InstanceTypeColumns.ALL, errors), errors);
    Set<String> names = new LinkedHashSet<>();
    read.forEach(t -> names.add(t.name()));
    Map<String, Devices> devices =
        ExtendedResourceReader.read(
            files.bundled(ExtendedResourceReader.FILE, ExtendedResourceReader.COLUMNS, errors),
            names,
            errors);
    Map<String, Optional<Double>> baselines =
        BurstableBaselineReader.read(
            files.bundled(BurstableBaselineReader.FILE, BurstableBaselineReader.COLUMNS, errors),
            read,
            errors);
    Map<String, AdvisorRow> advisor =
        SpotAdvisorReader.read(
            files.bundledRegion(
                SpotAdvisorReader.FILE, SpotAdvisorReader.COLUMNS, Zones.REGION, errors),
            Zones.REGION,
            errors);
    List<SpotPriceRow> observed =
        SpotPriceReader.read(
            files.bundledRegion(
                SpotPriceReader.FILE, SpotPriceReader.COLUMNS, Zones.REGION, errors),
            Zones.REGION,
            errors);
    double ebsPrice =
        EbsPriceReader.read(
            files.bundled(EbsPriceReader.FILE, EbsPriceReader.COLUMNS, errors),
            Zones.REGION,
            errors);
    errors.throwIfAny();

    List<InstanceType> types =
        read.stream()
            .map(
                t ->
                    TypeDetails.with(
                        t,
                        devices.get(t.name()),
                        baselines.getOrDefault(t.name(), Optional.empty()).orElse(null)))
            .toList();
    List<String> zoneIds = Zones.usEast1().stream().map(ZoneAlias::zoneId).toList();
    SpotAdvice advice = new SpotAdvice(types, advisor);
    ZoneAvailability availability = new ZoneAvailability(zoneIds, types, observed);
    ZoneSpread spread = new ZoneSpread(zoneIds, types, observed);
    SpotPriceModel model = new SpotPriceModel(Zones.usEast1(), advice, spread, availability);
    List<Offering> offerings = types.stream().flatMap(t -> model.offerings(t).stream()).toList();

    if (settings.priceFile() != null) {
      Map<String, InstanceType> byName = new LinkedHashMap<>();
      types.forEach(t -> byName.put(t.name(), t));
      List<PriceOverride> overrides = new PriceFileReader(files).read(settings.priceFile(), byName);
      offerings =
          PriceOverrides.apply(offerings, overrides, byName, t -> advice.interruption(t).band());
      LOG.info("applied {} prices from {}", overrides.size(), settings.priceFile());
    }
    Catalog catalog = new Catalog(Zones.REGION, types, offerings, ebsPrice);
    LOG.debug(
        "catalog {}: {} types, {} offerings in {} ms",
        Zones.REGION,
        types.size(),
        offerings.size(),
        (System.nanoTime() - start) / 1_000_000);
    return new Ec2Catalog(catalog, new InterruptionBands(catalog, advice), availability);
  }
}
