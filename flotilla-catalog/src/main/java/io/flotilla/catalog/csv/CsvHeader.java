package io.flotilla.catalog.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The header line of a CSV file: column names and where they are. */
public final class CsvHeader {
  private final String source;
  private final long line;
  private final List<String> names;
  private final Map<String, Integer> index;

  CsvHeader(String source, long line, List<String> names) {
    this.source = source;
    this.line = line;
    this.names = List.copyOf(names);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      positions.putIfAbsent(names.get(i), i);
    }
    this.index = Map.copyOf(positions);
  }

  public String source() {
    return source;
  }

  public List<String> names() {
    return names;
  }

  /** The 0-based position of a column, or -1. */
  public int indexOf(String column) {
    return index.getOrDefault(column, -1);
  }

  /** Errors for required columns that are absent, and for names given twice. */
  List<DataError> check(List<String> required, boolean allowOthers) {
    List<DataError> errors = new ArrayList<>();
    for (String column : required) {
      if (!index.containsKey(column)) {
        errors.add(DataError.ofLine(source, line, "missing column '" + column + "'"));
      }
    }
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (index.get(name) != i) {
        errors.add(new DataError(source, line, i + 1, name, "column given twice"));
      } else if (!allowOthers && !required.contains(name)) {
        errors.add(
            new DataError(source, line, i + 1, name, "unknown column (expected " + required + ")"));
      }
    }
    return errors;
  }
}
