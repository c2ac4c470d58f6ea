package io.flotilla.core.plan;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Devices;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import io.flotilla.core.resource.ResourceNames;
import io.flotilla.core.resource.Resources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every EC2 instance type with a us-east-1 on-demand price, from copies of the shared data ({@code
 * ec2-instance-types.csv} and {@code ec2-extended-resources.csv}, see the data README), in three
 * zones. Core cannot use the catalog module, so the rows are read here. Spot is a flat model, not
 * data: 35 %, 40 % and 45 % of the on-demand price in zones a, b and c ({@link #load}), or, to
 * tempt a planner towards them, 5 % for metal, GPU and accelerator types ({@link
 * #withCheapExoticSpot}). Tests that use it check which types are bought, not what they cost.
 */
final class Ec2TestCatalog {
  private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
  private static final double[] SPOT_SHARE = {0.35, 0.40, 0.45};
  private static final double EXOTIC_SPOT_SHARE = 0.05;

  private Ec2TestCatalog() {}

  static Catalog load() {
    return load(false);
  }

  static Catalog withCheapExoticSpot() {
    return load(true);
  }

  private static Catalog load(boolean cheapExotic) {
    Map<String, Devices> devices = new HashMap<>();
    for (String[] row : rows("ec2-extended-resources.csv", 9)) {
      devices.put(row[0], devices(row));
    }
    List<InstanceType> types = new ArrayList<>();
    List<Offering> offerings = new ArrayList<>();
    for (String[] c : rows("ec2-instance-types.csv", 22)) {
      if (c[21].isEmpty()) {
        continue;
      }
      int gpus = Integer.parseInt(c[9]);
      Gpu gpu = gpus == 0 ? Gpu.NONE : new Gpu(gpus, c[10], c[11], number(c[12]));
      InstanceType type =
          new InstanceType(
              c[0],
              c[1],
              c[2],
              Integer.parseInt(c[3]),
              c[4],
              Integer.parseInt(c[5]),
              Long.parseLong(c[6]),
              c[7],
              c[8],
              gpu,
              c[13].isEmpty() ? null : Integer.parseInt(c[13]),
              number(c[14]),
              c[15],
              number(c[16]),
              number(c[17]),
              Integer.parseInt(c[18]),
              Double.parseDouble(c[21]),
              devices.getOrDefault(c[0], Devices.NONE),
              null);
      types.add(type);
      for (int z = 0; z < ZONES.length; z++) {
        double od = type.onDemandPrice();
        offerings.add(new Offering(type, ZONES[z], CapacityType.ON_DEMAND, od));
        double share = cheapExotic && type.exotic() ? EXOTIC_SPOT_SHARE : SPOT_SHARE[z];
        offerings.add(new Offering(type, ZONES[z], CapacityType.SPOT, od * share));
      }
    }
    return new Catalog("us-east-1", types, offerings);
  }

  private static Devices devices(String[] c) {
    Map<String, Long> extended = new HashMap<>();
    put(extended, ResourceNames.AWS_NEURON, c[4]);
    put(extended, ResourceNames.AWS_NEURON_CORE, c[5]);
    put(extended, ResourceNames.AMD_GPU, c[6]);
    put(extended, ResourceNames.EFA, c[7]);
    put(extended, ResourceNames.POD_ENI, c[8]);
    return new Devices(
        c[1].isEmpty() ? null : c[1],
        c[2].isEmpty() ? null : c[2],
        number(c[3]),
        Resources.of(extended));
  }

  private static void put(Map<String, Long> into, String name, String value) {
    if (!value.isEmpty()) {
      into.put(name, Long.parseLong(value));
    }
  }

  private static int number(String value) {
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }

  /** The data rows of a CSV without quoting, each checked to have the expected column count. */
  private static List<String[]> rows(String file, int columns) {
    String path = "ec2/" + file;
    InputStream in = Ec2TestCatalog.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("test resource missing: " + path);
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        String[] cells = line.split(",", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(
              file + " line " + number + ": " + cells.length + " columns, expected " + columns);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
    return rows;
  }
}
