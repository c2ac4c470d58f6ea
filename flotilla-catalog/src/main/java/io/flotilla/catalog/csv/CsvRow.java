package io.flotilla.catalog.csv;

import java.math.BigDecimal;
import java.util.List;

/**
 * One data line of a CSV file with typed accessors. Every accessor that cannot produce a value
 * throws a {@link RowException} naming the source, line and column.
 */
public final class CsvRow {
  private final CsvHeader header;
  private final long line;
  private final List<String> values;

  CsvRow(CsvHeader header, long line, List<String> values) {
    this.header = header;
    this.line = line;
    this.values = List.copyOf(values);
  }

  public long line() {
    return line;
  }

  public String source() {
    return header.source();
  }

  /** The raw text of a column, "" when empty. */
  public String raw(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + header.source());
    }
    return values.get(i);
  }

  /** A non-empty text value. */
  public String text(String column) {
    String value = raw(column);
    if (value.isEmpty()) {
      throw fail(column, "missing value");
    }
    return value;
  }

  /** A text value, or null when the cell is empty. */
  public String optionalText(String column) {
    String value = raw(column);
    return value.isEmpty() ? null : value;
  }

  public int integer(String column, int min) {
    long value = longValue(column, min);
    if (value > Integer.MAX_VALUE) {
      throw fail(column, "too large: '" + raw(column) + "'");
    }
    return (int) value;
  }

  public Integer optionalInteger(String column, int min) {
    return raw(column).isEmpty() ? null : integer(column, min);
  }

  public long longValue(String column, long min) {
    String text = text(column);
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fail(column, "not a whole number: '" + text + "'");
    }
    if (value < min) {
      throw fail(column, "must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** A finite, non-negative decimal number ("0.192", "1e-3"); no NaN, infinities or hex. */
  public double price(String column) {
    String text = text(column);
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw fail(column, "not a number: '" + text + "'");
    }
    if (value.signum() < 0) {
      throw fail(column, "negative price '" + text + "'");
    }
    double d = value.doubleValue();
    if (Double.isInfinite(d)) {
      throw fail(column, "number too large: '" + text + "'");
    }
    return d;
  }

  public Double optionalPrice(String column) {
    return raw(column).isEmpty() ? null : price(column);
  }

  /** An error at a column of this row, to throw. */
  public RowException fail(String column, String message) {
    int i = header.indexOf(column);
    return new RowException(new DataError(header.source(), line, i + 1, column, message));
  }
}
