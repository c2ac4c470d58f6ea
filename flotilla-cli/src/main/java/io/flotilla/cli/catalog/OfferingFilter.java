package io.flotilla.cli.catalog;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import java.util.function.Predicate;

/**
 * Which offerings instance-types lists, like an instance selector. Null or zero means "any".
 *
 * @param minMemoryBytes the least instance memory, in bytes
 * @param gpu whether to keep only types with GPUs
 */
record OfferingFilter(
    String arch,
    int minVcpu,
    long minMemoryBytes,
    boolean gpu,
    CapacityType capacityType,
    String zone)
    implements Predicate<Offering> {
  private static final long MIB = 1L << 20;

  @Override
  public boolean test(Offering offering) {
    InstanceType type = offering.type();
    return (arch == null || arch.equals(type.arch()))
        && type.vcpu() >= minVcpu
        && type.memoryMiB() * MIB >= minMemoryBytes
        && (!gpu || type.gpu().count() > 0)
        && (capacityType == null || capacityType == offering.capacityType())
        && (zone == null || zone.equals(offering.zone()));
  }
}
