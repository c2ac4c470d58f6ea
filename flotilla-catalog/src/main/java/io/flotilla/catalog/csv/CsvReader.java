package io.flotilla.catalog.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV files with Jackson's streaming CSV parser into {@link CsvTable}s. Blank lines and lines
 * starting with '#' are skipped; spaces around unquoted values are trimmed. Holds its own parser
 * factory.
 */
public final class CsvReader {
  private final CsvFactory factory =
      CsvFactory.builder()
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .build();

  /**
   * Reads a CSV file. A missing header or an absent required column fails at once; a row with the
   * wrong number of values is added to {@code errors} and left out.
   *
   * @param allowOtherColumns whether columns other than the required ones may appear
   */
  public CsvTable read(
      String source,
      Reader reader,
      List<String> requiredColumns,
      boolean allowOtherColumns,
      Errors errors) {
    List<Record> records = parse(source, reader);
    if (records.isEmpty()) {
      throw new CatalogDataException(DataError.ofLine(source, 1, "empty file, expected a header"));
    }
    Record first = records.get(0);
    CsvHeader header = new CsvHeader(source, first.line(), first.values());
    List<DataError> headerErrors = header.check(requiredColumns, allowOtherColumns);
    if (!headerErrors.isEmpty()) {
      throw new CatalogDataException(headerErrors);
    }
    int width = header.names().size();
    List<CsvRow> rows = new ArrayList<>(records.size());
    for (Record r : records.subList(1, records.size())) {
      int size = r.values().size();
      if (size < width) {
        errors.add(
            new DataError(source, r.line(), size + 1, header.names().get(size), "missing value"));
      } else if (size > width) {
        errors.add(
            new DataError(
                source,
                r.line(),
                width + 1,
                null,
                size + " values but the header has " + width + " columns"));
      } else {
        rows.add(new CsvRow(header, r.line(), r.values()));
      }
    }
    return new CsvTable(header, rows);
  }

  private record Record(long line, List<String> values) {}

  private List<Record> parse(String source, Reader reader) {
    CsvSchema schema = CsvSchema.emptySchema().withComments();
    List<Record> records = new ArrayList<>();
    try (CsvParser parser = factory.createParser(reader)) {
      parser.setSchema(schema);
      long line = 0;
      List<String> values = new ArrayList<>();
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.START_ARRAY) {
          values = new ArrayList<>();
        } else if (t == JsonToken.END_ARRAY) {
          records.add(new Record(line, values));
        } else if (t.isScalarValue()) {
          if (values.isEmpty()) {
            // The record starts where its first value does (START_ARRAY's location lags behind).
            line = parser.currentTokenLocation().getLineNr();
          }
          values.add(parser.getText());
        }
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new CatalogDataException(
          DataError.ofLine(source, line, "malformed CSV: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new CatalogDataException(DataError.ofLine(source, 0, "cannot read: " + e.getMessage()));
    }
    return records;
  }
}
