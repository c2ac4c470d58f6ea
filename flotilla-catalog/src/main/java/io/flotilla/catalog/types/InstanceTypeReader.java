package io.flotilla.catalog.types;

import static io.flotilla.catalog.types.InstanceTypeColumns.ARCH;
import static io.flotilla.catalog.types.InstanceTypeColumns.CATEGORY;
import static io.flotilla.catalog.types.InstanceTypeColumns.CPU_MANUFACTURER;
import static io.flotilla.catalog.types.InstanceTypeColumns.FAMILY;
import static io.flotilla.catalog.types.InstanceTypeColumns.GENERATION;
import static io.flotilla.catalog.types.InstanceTypeColumns.GPU_COUNT;
import static io.flotilla.catalog.types.InstanceTypeColumns.GPU_MANUFACTURER;
import static io.flotilla.catalog.types.InstanceTypeColumns.GPU_MEMORY_MIB;
import static io.flotilla.catalog.types.InstanceTypeColumns.GPU_NAME;
import static io.flotilla.catalog.types.InstanceTypeColumns.HYPERVISOR;
import static io.flotilla.catalog.types.InstanceTypeColumns.IPV4_PER_ENI;
import static io.flotilla.catalog.types.InstanceTypeColumns.LOCAL_NVME_GB;
import static io.flotilla.catalog.types.InstanceTypeColumns.MAX_ENIS;
import static io.flotilla.catalog.types.InstanceTypeColumns.MAX_PODS;
import static io.flotilla.catalog.types.InstanceTypeColumns.MEMORY_MIB;
import static io.flotilla.catalog.types.InstanceTypeColumns.NAME;
import static io.flotilla.catalog.types.InstanceTypeColumns.NETWORK_BANDWIDTH_MBPS;
import static io.flotilla.catalog.types.InstanceTypeColumns.OD_PRICE;
import static io.flotilla.catalog.types.InstanceTypeColumns.SIZE;
import static io.flotilla.catalog.types.InstanceTypeColumns.VCPU;

import io.flotilla.catalog.csv.CsvRow;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the rows of ec2-instance-types.csv into {@link InstanceType}s, in file order. */
public final class InstanceTypeReader {
  private static final Set<String> ARCHES = Set.of("amd64", "arm64");

  private InstanceTypeReader() {}

  /** Every type of the table; problems are added to errors (a row with one is left out). */
  public static List<InstanceType> read(CsvTable table, Errors errors) {
    List<InstanceType> types = new ArrayList<>(table.rows().size());
    Map<String, Long> seen = new HashMap<>();
    errors.forEachRow(
        table.rows(),
        row -> {
          InstanceType type = toType(row);
          Long first = seen.putIfAbsent(type.name(), row.line());
          if (first != null) {
            throw row.fail(
                NAME, "instance type " + type.name() + " already given on line " + first);
          }
          types.add(type);
        });
    return types;
  }

  static InstanceType toType(CsvRow row) {
    String arch = row.text(ARCH);
    if (!ARCHES.contains(arch)) {
      throw row.fail(ARCH, "unknown architecture '" + arch + "' (expected amd64 or arm64)");
    }
    return new InstanceType(
        row.text(NAME),
        row.text(FAMILY),
        row.text(CATEGORY),
        row.integer(GENERATION, 0),
        row.text(SIZE),
        row.integer(VCPU, 1),
        row.longValue(MEMORY_MIB, 1),
        arch,
        row.optionalText(CPU_MANUFACTURER),
        gpu(row),
        row.optionalInteger(LOCAL_NVME_GB, 0),
        orZero(row.optionalInteger(NETWORK_BANDWIDTH_MBPS, 0)),
        row.optionalText(HYPERVISOR),
        orZero(row.optionalInteger(MAX_ENIS, 0)),
        orZero(row.optionalInteger(IPV4_PER_ENI, 0)),
        row.integer(MAX_PODS, 1),
        row.optionalPrice(OD_PRICE));
  }

  /** Network bandwidth and ENI limits are unpublished for some old or HPC types: 0 = unknown. */
  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static Gpu gpu(CsvRow row) {
    int count = row.integer(GPU_COUNT, 0);
    if (count == 0) {
      return Gpu.NONE;
    }
    Integer memory = row.optionalInteger(GPU_MEMORY_MIB, 0);
    return new Gpu(
        count,
        row.text(GPU_NAME),
        row.text(GPU_MANUFACTURER),
        memory == null ? 0 : memory.longValue());
  }
}
