package io.flotilla.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static final List<String> COLUMNS = List.of("a", "b");

  private static CsvTable read(String csv, Errors errors) {
    return new CsvReader().read("t.csv", new StringReader(csv), COLUMNS, false, errors);
  }

  @Test
  void rowsKeepTheLineTheyStartOnAcrossCommentsAndBlankLines() {
    Errors errors = new Errors();
    CsvTable table = read("# prices\na,b\n\n1,2\n# note\n \"x, y\" , 4\n", errors);
    assertThat(errors.isEmpty()).isTrue();
    assertThat(table.rows()).extracting(CsvRow::line).containsExactly(4L, 6L);
    assertThat(table.rows().get(1).raw("a")).isEqualTo("x, y");
    assertThat(table.rows().get(1).raw("b")).isEqualTo("4");
  }

  @Test
  void aRowWithTooManyValuesIsAnErrorAtTheFirstExtraColumn() {
    Errors errors = new Errors();
    read("a,b\n1,2,3\n", errors);
    assertThatThrownBy(errors::throwIfAny)
        .hasMessage("t.csv line 2, column 3: 3 values but the header has 2 columns");
  }

  @Test
  void anUnknownOrRepeatedHeaderColumnIsAnError() {
    assertThatThrownBy(() -> read("a,b,c\n", new Errors()))
        .hasMessage("t.csv line 1, column 3 (c): unknown column (expected [a, b])");
    assertThatThrownBy(() -> read("a,b,a\n", new Errors()))
        .hasMessage("t.csv line 1, column 3 (a): column given twice");
  }

  @Test
  void anEmptyFileIsAnError() {
    assertThatThrownBy(() -> read("", new Errors()))
        .hasMessage("t.csv line 1: empty file, expected a header");
  }

  @Test
  void anUnclosedQuoteIsAnErrorWithItsLine() {
    assertThatThrownBy(() -> read("a,b\n1,2\n\"3,4\n", new Errors()))
        .isInstanceOf(CatalogDataException.class)
        .hasMessageStartingWith("t.csv line")
        .hasMessageContaining("malformed CSV");
  }

  @Test
  void numbersAreCheckedStrictly() {
    Errors errors = new Errors();
    CsvTable table = read("a,b\nNaN,0x10\n1e-3,-0\n", errors);
    CsvRow bad = table.rows().get(0);
    CsvRow good = table.rows().get(1);
    assertThatThrownBy(() -> bad.price("a")).hasMessageContaining("not a number: 'NaN'");
    assertThatThrownBy(() -> bad.longValue("b", 0)).hasMessageContaining("not a whole number");
    assertThat(good.price("a")).isEqualTo(0.001);
    assertThat(good.price("b")).isEqualTo(0.0);
  }
}
