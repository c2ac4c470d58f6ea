package io.flotilla.cli.catalog;

import io.flotilla.catalog.pricing.Zones;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import java.util.Comparator;

/**
 * One offering as instance-types prints it; its JSON form is a contract: these property names, in
 * this order (new ones are only ever appended). {@code zoneId} is null for a zone a price file
 * added; {@code gpuName} for no GPU; {@code interruptionBand} (the Spot Instance Advisor's label,
 * e.g. "5-10%") for on-demand offerings. {@code priceSource} is published, modelled or price-file.
 */
record OfferingRow(
    String instanceType,
    String family,
    String arch,
    int vcpu,
    long memoryMiB,
    int gpus,
    String gpuName,
    int maxPods,
    String zone,
    String zoneId,
    String capacityType,
    double pricePerHour,
    String interruptionBand,
    String priceSource) {

  /** Cheapest first, then by type, zone and capacity type: the same every run. */
  static final Comparator<OfferingRow> ORDER =
      Comparator.comparingDouble(OfferingRow::pricePerHour)
          .thenComparing(OfferingRow::instanceType)
          .thenComparing(OfferingRow::zone)
          .thenComparing(OfferingRow::capacityType);

  static OfferingRow of(Offering offering) {
    InstanceType t = offering.type();
    return new OfferingRow(
        t.name(),
        t.family(),
        t.arch(),
        t.vcpu(),
        t.memoryMiB(),
        t.gpu().count(),
        t.gpu().name(),
        t.maxPods(),
        offering.zone(),
        Zones.zoneId(offering.zone()).orElse(null),
        offering.capacityType().label(),
        offering.pricePerHour(),
        offering.band() == null ? null : offering.band().label(),
        offering.source().label());
  }
}
