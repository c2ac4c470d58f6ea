package io.flotilla.core.testing;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Gpu;
import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.Offering;
import java.util.ArrayList;
import java.util.List;

/**
 * A small catalog for core tests: 21 real instance types (rows of the EC2 data, same columns) in
 * three zones, on-demand at the published price and spot at a fixed, zone-dependent fraction.
 */
public final class TestCatalog {
  public static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

  // instance_type,family,category,generation,size,vcpu,memory_mib,arch,cpu_manufacturer,
  // gpu_count,gpu_name,gpu_manufacturer,gpu_memory_mib,local_nvme_gb,network_bandwidth_mbps,
  // hypervisor,max_enis,ipv4_per_eni,max_pods,karpenter cpu,karpenter memory,od_price
  private static final String ROWS =
      """
      c5.2xlarge,c5,c,5,2xlarge,8,16384,amd64,intel,0,,,,,2500,nitro,4,15,58,7910,14162,0.340000
      c5.large,c5,c,5,large,2,4096,amd64,intel,0,,,,,750,nitro,3,10,29,1930,3114,0.085000
      c5.xlarge,c5,c,5,xlarge,4,8192,amd64,intel,0,,,,,1250,nitro,4,15,58,3920,6584,0.170000
      c6g.large,c6g,c,6,large,2,4096,arm64,aws,0,,,,,750,nitro,3,10,29,1930,3055,0.068000
      c6g.xlarge,c6g,c,6,xlarge,4,8192,arm64,aws,0,,,,,1250,nitro,4,15,58,3920,6525,0.136000
      g4dn.12xlarge,g4dn,g,4,12xlarge,48,196608,amd64,intel,4,t4,nvidia,16384,900,50000,nitro,8,30,234,47810,178933,3.912000
      g4dn.2xlarge,g4dn,g,4,2xlarge,8,32768,amd64,intel,1,t4,nvidia,16384,225,10000,nitro,3,10,29,7910,29636,0.752000
      g4dn.xlarge,g4dn,g,4,xlarge,4,16384,amd64,intel,1,t4,nvidia,16384,125,5000,nitro,3,10,29,3920,14481,0.526000
      im4gn.xlarge,im4gn,im,4,xlarge,4,16384,arm64,aws,0,,,,1875,6250,nitro,4,15,58,3920,14103,0.363790
      m5.2xlarge,m5,m,5,2xlarge,8,32768,amd64,intel,0,,,,,2500,nitro,4,15,58,7910,29317,0.384000
      m5.4xlarge,m5,m,5,4xlarge,16,65536,amd64,intel,0,,,,,5000,nitro,8,30,234,15890,57691,0.768000
      m5.large,m5,m,5,large,2,8192,amd64,intel,0,,,,,750,nitro,3,10,29,1930,6903,0.096000
      m5.xlarge,m5,m,5,xlarge,4,16384,amd64,intel,0,,,,,1250,nitro,4,15,58,3920,14162,0.192000
      m5d.xlarge,m5d,m,5,xlarge,4,16384,amd64,intel,0,,,,150,1250,nitro,4,15,58,3920,14162,0.226000
      m6g.2xlarge,m6g,m,6,2xlarge,8,32768,arm64,aws,0,,,,,2500,nitro,4,15,58,7910,29258,0.308000
      m6g.large,m6g,m,6,large,2,8192,arm64,aws,0,,,,,750,nitro,3,10,29,1930,6844,0.077000
      m6g.xlarge,m6g,m,6,xlarge,4,16384,arm64,aws,0,,,,,1250,nitro,4,15,58,3920,14103,0.154000
      r5.large,r5,r,5,large,2,16384,amd64,intel,0,,,,,750,nitro,3,10,29,1930,14481,0.126000
      r5.xlarge,r5,r,5,xlarge,4,32768,amd64,intel,0,,,,,1250,nitro,4,15,58,3920,29317,0.252000
      r6g.large,r6g,r,6,large,2,16384,arm64,aws,0,,,,,750,nitro,3,10,29,1930,14422,0.100800
      t4g.xlarge,t4g,t,4,xlarge,4,16384,arm64,aws,0,,,,,1024,nitro,4,15,58,3920,14103,0.134400
      """;

  private TestCatalog() {}

  public static Catalog create() {
    List<InstanceType> types =
        ROWS.lines().map(String::strip).filter(l -> !l.isEmpty()).map(TestCatalog::type).toList();
    List<Offering> offerings = new ArrayList<>();
    for (InstanceType t : types) {
      for (int z = 0; z < ZONES.size(); z++) {
        offerings.add(new Offering(t, ZONES.get(z), CapacityType.ON_DEMAND, t.onDemandPrice()));
        double discount = 0.30 + 0.02 * z + 0.01 * (Math.abs(t.name().hashCode()) % 5);
        offerings.add(
            new Offering(
                t,
                ZONES.get(z),
                CapacityType.SPOT,
                Math.round(t.onDemandPrice() * discount * 1e6) / 1e6));
      }
    }
    return new Catalog("us-east-1", types, offerings);
  }

  private static InstanceType type(String line) {
    String[] c = line.split(",", -1);
    int gpus = Integer.parseInt(c[9]);
    Gpu gpu = gpus == 0 ? Gpu.NONE : new Gpu(gpus, c[10], c[11], Long.parseLong(c[12]));
    return new InstanceType(
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
        c[13].isEmpty() ? null : Integer.valueOf(c[13]),
        Integer.parseInt(c[14]),
        c[15],
        Integer.parseInt(c[16]),
        Integer.parseInt(c[17]),
        Integer.parseInt(c[18]),
        Double.parseDouble(c[21]));
  }
}
