package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Devices;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A made-up catalog for scenario tests: types named {@code family.size}, 4 GiB per vCPU, amd64,
 * each sold only where the test says, at the price it says.
 */
final class SyntheticCatalog {
  static final String ZONE_A = "us-east-1a";
  static final String ZONE_B = "us-east-1b";

  private final List<InstanceType> types = new ArrayList<>();
  private final List<Offering> offerings = new ArrayList<>();

  /** A generic type with {@code vcpu} cores and 4 GiB per core. */
  static InstanceType generic(String name, int vcpu) {
    return type(name, vcpu, Gpu.NONE, Devices.NONE);
  }

  static InstanceType withNvidiaGpu(String name, int vcpu) {
    return type(name, vcpu, new Gpu(1, "t4", "nvidia", 16384), Devices.NONE);
  }

  static InstanceType withNeuron(String name, int vcpu) {
    Resources neuron =
        Resources.of(Map.of(ResourceNames.AWS_NEURON, 1L, ResourceNames.AWS_NEURON_CORE, 4L));
    return type(name, vcpu, Gpu.NONE, new Devices("inferentia", "aws", 1, neuron));
  }

  private static InstanceType type(String name, int vcpu, Gpu gpu, Devices devices) {
    String family = name.substring(0, name.indexOf('.'));
    return new InstanceType(
        name,
        family,
        family.substring(0, 1),
        5,
        name.substring(name.indexOf('.') + 1),
        vcpu,
        4096L * vcpu,
        "amd64",
        "intel",
        gpu,
        null,
        5000,
        "nitro",
        4,
        15,
        58,
        null,
        devices,
        null);
  }

  SyntheticCatalog onDemand(InstanceType type, double price, String... zones) {
    return sell(type, CapacityType.ON_DEMAND, price, zones);
  }

  SyntheticCatalog spot(InstanceType type, double price, String... zones) {
    return sell(type, CapacityType.SPOT, price, zones);
  }

  private SyntheticCatalog sell(
      InstanceType type, CapacityType capacity, double price, String... zones) {
    if (types.stream().noneMatch(t -> t.name().equals(type.name()))) {
      types.add(type);
    }
    for (String zone : zones.length == 0 ? new String[] {ZONE_A} : zones) {
      offerings.add(new Offering(type, zone, capacity, price));
    }
    return this;
  }

  Catalog build() {
    return new Catalog("us-east-1", types, offerings);
  }
}
