package io.flotilla.catalog.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects the problems of one read so a file is reported whole and used all or nothing. */
public final class Errors {
  private final List<DataError> errors = new ArrayList<>();

  public void add(DataError error) {
    errors.add(error);
  }

  /** Runs the row's handler; a {@link RowException} becomes a collected error. */
  public void forEachRow(List<CsvRow> rows, Consumer<CsvRow> handler) {
    for (CsvRow row : rows) {
      try {
        handler.accept(row);
      } catch (RowException e) {
        errors.add(e.error());
      }
    }
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws a {@link CatalogDataException} with everything collected, if anything was. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new CatalogDataException(errors);
    }
  }
}
