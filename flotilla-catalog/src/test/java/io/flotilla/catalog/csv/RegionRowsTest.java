package io.flotilla.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only the region's rows are parsed, and they keep their line numbers. */
class RegionRowsTest {
  @Test
  void otherRegionsRowsBecomeBlankLinesAndTheRestStaysWhereItWas() {
    String csv =
        "# spot\nregion,type\neu-west-1,a\nus-east-1,b\nus-east-1x,c\n\"eu-west-1\",d\n"
            + "# note\nus-east-1,e";

    String kept = RegionRows.keep(csv, "us-east-1");

    assertThat(kept)
        .isEqualTo("# spot\nregion,type\n\nus-east-1,b\n\n\"eu-west-1\",d\n# note\nus-east-1,e");
    Errors errors = new Errors();
    CsvTable table =
        new CsvReader()
            .read("t.csv", new StringReader(kept), List.of("region", "type"), false, errors);
    assertThat(errors.isEmpty()).isTrue();
    assertThat(table.rows()).extracting(CsvRow::line).containsExactly(4L, 6L, 8L);
    assertThat(table.rows()).extracting(r -> r.raw("type")).containsExactly("b", "d", "e");
  }
}
