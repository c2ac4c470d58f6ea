package io.flotilla.cli.catalog;

import io.flotilla.core.resource.Quantity;
import io.flotilla.core.resource.ResourceNames;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Offerings as aligned columns: text left-aligned, numbers right-aligned. */
final class OfferingTable {
  private record Column(String title, boolean numeric, Function<OfferingRow, String> value) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("INSTANCE TYPE", false, OfferingRow::instanceType),
          new Column("ARCH", false, OfferingRow::arch),
          new Column("VCPU", true, r -> Integer.toString(r.vcpu())),
          new Column(
              "MEMORY", true, r -> Quantity.format(ResourceNames.MEMORY, r.memoryMiB() << 20)),
          new Column("GPUS", false, r -> r.gpus() == 0 ? "-" : r.gpus() + " " + r.gpuName()),
          new Column("MAX PODS", true, r -> Integer.toString(r.maxPods())),
          new Column("ZONE", false, OfferingRow::zone),
          new Column("CAPACITY", false, OfferingRow::capacityType),
          new Column("USD/HOUR", true, r -> String.format(Locale.ROOT, "%.6f", r.pricePerHour())),
          new Column("BAND", false, r -> r.interruptionBand() == null ? "-" : r.interruptionBand()),
          new Column("SOURCE", false, OfferingRow::priceSource));
  private static final String GAP = "  ";

  private OfferingTable() {}

  static void print(List<OfferingRow> rows, PrintWriter out) {
    List<List<String>> cells =
        rows.stream().map(r -> COLUMNS.stream().map(c -> c.value().apply(r)).toList()).toList();
    int[] widths = new int[COLUMNS.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = COLUMNS.get(i).title().length();
      for (List<String> line : cells) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    printLine(COLUMNS.stream().map(Column::title).toList(), widths, out);
    cells.forEach(line -> printLine(line, widths, out));
    out.flush();
  }

  private static void printLine(List<String> line, int[] widths, PrintWriter out) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < line.size(); i++) {
      String align = COLUMNS.get(i).numeric() ? "%" : "%-";
      text.append(i == 0 ? "" : GAP).append(String.format(align + widths[i] + "s", line.get(i)));
    }
    out.println(text.toString().stripTrailing());
  }
}
