package io.flotilla.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.catalog.csv.CsvResource;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.catalog.pricing.SpotAdvisorReader;
import io.flotilla.catalog.pricing.SpotPriceReader;
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

  @Test
  void theRegionsRowsAreTheSameWhetherTheOthersAreParsedOrNot() {
    Errors errors = new Errors();

    var all =
        SpotPriceReader.read(
            files.bundled(SpotPriceReader.FILE, SpotPriceReader.COLUMNS, errors),
            "us-east-1",
            errors);
    var filtered =
        SpotPriceReader.read(
            files.bundledRegion(SpotPriceReader.FILE, SpotPriceReader.COLUMNS, "us-east-1", errors),
            "us-east-1",
            errors);
    var advisorAll =
        SpotAdvisorReader.read(
            files.bundled(SpotAdvisorReader.FILE, SpotAdvisorReader.COLUMNS, errors),
            "us-east-1",
            errors);
    var advisorFiltered =
        SpotAdvisorReader.read(
            files.bundledRegion(
                SpotAdvisorReader.FILE, SpotAdvisorReader.COLUMNS, "us-east-1", errors),
            "us-east-1",
            errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(filtered).isNotEmpty().isEqualTo(all);
    assertThat(advisorFiltered).isNotEmpty().isEqualTo(advisorAll);
  }
}
