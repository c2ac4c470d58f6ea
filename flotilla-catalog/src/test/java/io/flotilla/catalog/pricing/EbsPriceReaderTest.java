package io.flotilla.catalog.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;
import io.flotilla.catalog.csv.CsvReader;
import io.flotilla.catalog.csv.Errors;
import io.flotilla.core.catalog.Catalog;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EbsPriceReaderTest {
  private static final String HEADER = String.join(",", EbsPriceReader.COLUMNS);

  private static double read(String... lines) {
    Errors errors = new Errors();
    String csv = HEADER + "\n" + String.join("\n", lines) + "\n";
    var table =
        new CsvReader()
            .read("ebs.csv", new StringReader(csv), EbsPriceReader.COLUMNS, true, errors);
    double price = EbsPriceReader.read(table, "us-east-1", errors);
    errors.throwIfAny();
    return price;
  }

  @Test
  void theCatalogPricesNodeVolumesAtThePublishedGp3Price() {
    Catalog catalog = Ec2Catalog.load(CatalogSettings.defaults());
    assertThat(catalog.ebsPricePerGibMonth()).isEqualTo(0.08);
    // Karpenter's default 20 GiB root volume: 20 x 0.08 / 730 USD per hour.
    assertThat(catalog.storagePerHour(20L << 30)).isCloseTo(1.6 / 730, within(1e-15));
  }

  @Test
  void theRegionsGp3RowIsPicked() {
    assertThat(read("eu-west-1,gp3,0.088", "us-east-1,gp2,0.10", "us-east-1,gp3,0.08"))
        .isEqualTo(0.08);
  }

  @Test
  void aRegionWithoutAGp3PriceIsAnError() {
    assertThatThrownBy(() -> read("us-east-1,gp2,0.10"))
        .hasMessage("ebs.csv: no gp3 price for us-east-1");
  }

  @Test
  void aBadPriceNamesFileLineAndColumn() {
    assertThatThrownBy(() -> read("us-east-1,gp3,cheap"))
        .hasMessageContaining(
            "ebs.csv line 2, column 3 (price_usd_gb_month): not a number: 'cheap'");
  }

  @Test
  void aRepeatedRowNamesTheFirstLine() {
    assertThatThrownBy(() -> read("us-east-1,gp3,0.08", "us-east-1,gp3,0.09"))
        .hasMessage(
            "ebs.csv line 3, column 2 (volume_type): us-east-1 gp3 already given on line 2");
  }
}
