package io.flotilla.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Measures a warm load of the whole catalog; the bound is loose so that slow CI does not flake. */
class LoadTimeTest {
  private static final int RUNS = 7;

  @Test
  void aWarmLoadOfAllOfferingsTakesWellUnderASecond() {
    for (int i = 0; i < 3; i++) {
      Ec2Catalog.load(CatalogSettings.defaults());
    }
    long[] millis = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Ec2Catalog.load(CatalogSettings.defaults());
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    System.out.printf(
        "catalog warm load: min %d ms, median %d ms, max %d ms%n",
        millis[0], millis[RUNS / 2], millis[RUNS - 1]);
    assertThat(millis[RUNS / 2]).isLessThan(1_000);
  }
}
