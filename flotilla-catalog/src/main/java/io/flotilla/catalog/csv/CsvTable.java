package io.flotilla.catalog.csv;

import java.util.List;

/** A whole CSV file: its header and its data rows, each with the line it starts on. */
public record CsvTable(CsvHeader header, List<CsvRow> rows) {
  public CsvTable {
    rows = List.copyOf(rows);
  }
}
