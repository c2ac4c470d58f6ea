package io.flotilla.catalog.types;

import io.flotilla.catalog.csv.CsvRow;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.DataError;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.Devices;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads ec2-extended-resources.csv into each type's {@link Devices}: the accelerator labels and the
 * extended resources the device plugins advertise. Every catalog type must have exactly one row.
 */
public final class ExtendedResourceReader {
  public static final String FILE = "ec2-extended-resources.csv";
  static final String TYPE = "instance_type";
  static final String ACCELERATOR_NAME = "accelerator_name";
  static final String ACCELERATOR_MANUFACTURER = "accelerator_manufacturer";
  static final String ACCELERATOR_COUNT = "accelerator_count";
  static final String NEURON = "neuron";
  static final String NEURON_CORE = "neuroncore";
  static final String AMD_GPU = "amd_gpu";
  static final String EFA = "efa";
  static final String POD_ENI = "pod_eni";
  public static final List<String> COLUMNS =
      List.of(
          TYPE,
          ACCELERATOR_NAME,
          ACCELERATOR_MANUFACTURER,
          ACCELERATOR_COUNT,
          NEURON,
          NEURON_CORE,
          AMD_GPU,
          EFA,
          POD_ENI);

  /** Which column holds which extended resource. */
  private static final Map<String, String> RESOURCES =
      Map.of(
          NEURON, ResourceNames.AWS_NEURON,
          NEURON_CORE, ResourceNames.AWS_NEURON_CORE,
          AMD_GPU, ResourceNames.AMD_GPU,
          EFA, ResourceNames.EFA,
          POD_ENI, ResourceNames.POD_ENI);

  private ExtendedResourceReader() {}

  /**
   * The devices of every type of {@code typeNames}; problems (a bad value, an unknown or repeated
   * type, a catalog type without a row) go to errors.
   */
  public static Map<String, Devices> read(CsvTable table, Set<String> typeNames, Errors errors) {
    Map<String, Devices> devices = new LinkedHashMap<>();
    Map<String, Long> seen = new HashMap<>();
    errors.forEachRow(
        table.rows(),
        row -> {
          String type = row.text(TYPE);
          if (!typeNames.contains(type)) {
            throw row.fail(TYPE, "unknown instance type '" + type + "'");
          }
          Long first = seen.putIfAbsent(type, row.line());
          if (first != null) {
            throw row.fail(TYPE, "instance type " + type + " already given on line " + first);
          }
          devices.put(type, toDevices(row));
        });
    for (String type : typeNames) {
      if (!seen.containsKey(type)) {
        errors.add(
            DataError.ofLine(table.header().source(), 0, "no row for instance type " + type));
      }
    }
    return devices;
  }

  static Devices toDevices(CsvRow row) {
    Map<String, Long> amounts = new HashMap<>();
    RESOURCES.forEach(
        (column, resource) -> {
          Integer count = row.optionalInteger(column, 0);
          if (count != null) {
            amounts.put(resource, count.longValue());
          }
        });
    String name = row.optionalText(ACCELERATOR_NAME);
    if (name == null) {
      for (String column : List.of(ACCELERATOR_MANUFACTURER, ACCELERATOR_COUNT)) {
        if (row.optionalText(column) != null) {
          throw row.fail(column, "given without an accelerator_name");
        }
      }
      return new Devices(null, null, 0, Resources.of(amounts));
    }
    return new Devices(
        name,
        row.text(ACCELERATOR_MANUFACTURER),
        row.integer(ACCELERATOR_COUNT, 1),
        Resources.of(amounts));
  }
}
