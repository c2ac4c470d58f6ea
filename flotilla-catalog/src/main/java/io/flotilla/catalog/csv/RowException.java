package io.flotilla.catalog.csv;

/** Thrown by a {@link CsvRow} accessor when a value is unusable; readers collect it per row. */
public final class RowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient DataError error;

  public RowException(DataError error) {
    super(error.describe());
    this.error = error;
  }

  public DataError error() {
    return error;
  }
}
