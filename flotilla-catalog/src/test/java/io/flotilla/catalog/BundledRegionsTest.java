package io.flotilla.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.catalog.csv.CsvResource;
import io.flotilla.catalog.csv.CsvTable;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.catalog.pricing.SpotAdvisorReader;
import io.flotilla.catalog.pricing.SpotPriceReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog parses only its region's rows of the bundled Spot files; every other region's rows
 * are checked here instead, so a bad bundled row still fails the build.
 */
class BundledRegionsTest {
  private final CsvResource files = new CsvResource(getClass().getClassLoader());

  @Test
  void everyRegionsRowsOfTheBundledSpotFilesAreValid() {
    Errors errors = new Errors();

    SpotAdvisorReader.read(
        files.bundled(SpotAdvisorReader.FILE, SpotAdvisorReader.COLUMNS, errors), "", errors);
    SpotPriceReader.read(
        files.bundled(SpotPriceReader.FILE, SpotPriceReader.COLUMNS, errors), "", errors);

    errors.throwIfAny();
    assertThat(errors.isEmpty()).isTrue();
  }

  /** A reader of one region's rows of a table, as the catalog calls it. */
  private interface RegionReader {
    Object read(CsvTable table, String region, Errors errors);
  }

  /** The region's rows read from the whole file and from the region-only text. */
  private void sameEitherWay(String file, List<String> columns, RegionReader read) {
    Errors errors = new Errors();

    Object all = read.read(files.bundled(file, columns, errors), "us-east-1", errors);
    Object filtered =
        read.read(files.bundledRegion(file, columns, "us-east-1", errors), "us-east-1", errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(filtered).isNotNull().isEqualTo(all).asString().isNotIn("{}", "[]");
  }

  @Test
  void theRegionsRowsAreTheSameWhetherTheOthersAreParsedOrNot() {
    sameEitherWay(SpotPriceReader.FILE, SpotPriceReader.COLUMNS, SpotPriceReader::read);
    sameEitherWay(SpotAdvisorReader.FILE, SpotAdvisorReader.COLUMNS, SpotAdvisorReader::read);
  }
}
