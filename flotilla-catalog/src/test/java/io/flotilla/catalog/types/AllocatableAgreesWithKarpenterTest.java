package io.flotilla.catalog.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.catalog.csv.CsvResource;
import io.flotilla.catalog.csv.CsvRow;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.Allocatable;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodeClass;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Allocatable.of against what Karpenter reports for every row of the bundled data. */
class AllocatableAgreesWithKarpenterTest {
  private static final double TOLERANCE = 0.01;

  @Test
  void cpuAndMemoryAgreeWithKarpenterWithinOnePercentForEveryType() {
    Errors errors = new Errors();
    CsvTable table =
        new CsvResource(getClass().getClassLoader())
            .bundled(InstanceTypeColumns.FILE, InstanceTypeColumns.ALL, errors);
    List<String> offenders = new ArrayList<>();
    double maxCpu = 0;
    double maxMemory = 0;
    for (CsvRow row : table.rows()) {
      InstanceType type = InstanceTypeReader.toType(row);
      Resources allocatable = Allocatable.of(type, KubeletConfig.DEFAULT, NodeClass.defaults("x"));
      long expectedCpu = row.longValue(InstanceTypeColumns.ALLOCATABLE_CPU_M, 1);
      long expectedMiB = row.longValue(InstanceTypeColumns.ALLOCATABLE_MEMORY_MIB, 1);
      double cpu = deviation(allocatable.get(ResourceNames.CPU), expectedCpu);
      double memory = deviation(allocatable.get(ResourceNames.MEMORY) >> 20, expectedMiB);
      maxCpu = Math.max(maxCpu, cpu);
      maxMemory = Math.max(maxMemory, memory);
      if (cpu > TOLERANCE || memory > TOLERANCE) {
        offenders.add(type.name() + " cpu " + cpu + " memory " + memory);
      }
    }
    System.out.printf(
        "allocatable over %d types: max deviation cpu %.4f %%, memory %.4f %%%n",
        table.rows().size(), maxCpu * 100, maxMemory * 100);
    assertThat(errors.isEmpty()).isTrue();
    assertThat(table.rows()).hasSize(1363);
    assertThat(offenders).isEmpty();
  }

  private static double deviation(long actual, long expected) {
    return Math.abs(actual - expected) / (double) expected;
  }
}
