package io.flotilla.catalog.csv;

import java.util.Objects;

/**
 * One problem in a data file: where it is (file or classpath resource, 1-based line, 1-based column
 * with its header name) and what is wrong. Column 0 means the whole line.
 */
public record DataError(String source, long line, int column, String columnName, String message) {
  public DataError {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  /** A problem with a whole line (or the whole file when line is 0). */
  public static DataError ofLine(String source, long line, String message) {
    return new DataError(source, line, 0, null, message);
  }

  /** "prices.csv line 3, column 4 (price_usd_hour): negative price '-1'". */
  public String describe() {
    StringBuilder text = new StringBuilder(source);
    if (line > 0) {
      text.append(" line ").append(line);
    }
    if (column > 0) {
      text.append(", column ").append(column);
      if (columnName != null) {
        text.append(" (").append(columnName).append(')');
      }
    }
    return text.append(": ").append(message).toString();
  }
}
