package io.flotilla.catalog.pricing;

import static io.flotilla.catalog.pricing.TestTypes.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.catalog.InterruptionBand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotAdviceTest {
  private final InstanceType m5Large = type("m5.large", 0.096);
  private final InstanceType m5Xlarge = type("m5.xlarge", 0.192);
  private final InstanceType m5TwoXl = type("m5.2xlarge", 0.384);
  private final InstanceType m7Large = type("m7.large", 0.1);
  private final InstanceType c5Large = type("c5.large", 0.085);
  private final InstanceType u1Large = type("u1.large", 9.0);
  private final List<InstanceType> types =
      List.of(m5Large, m5Xlarge, m5TwoXl, m7Large, c5Large, u1Large);
  private final SpotAdvice advice =
      new SpotAdvice(
          types,
          Map.of(
              "m5.large", new AdvisorRow("m5.large", 60, InterruptionBand.UNDER_5, "2026-08"),
              "m5.xlarge", new AdvisorRow("m5.xlarge", 70, InterruptionBand.FROM_5_TO_10, "x"),
              "c5.large", new AdvisorRow("c5.large", 50, InterruptionBand.OVER_20, "2026-08")));

  @Test
  void aPublishedRowIsUsedAsItIs() {
    assertThat(advice.savings(m5Large)).isEqualTo(new SpotSavings(60, Derivation.PUBLISHED));
    assertThat(advice.interruption(c5Large))
        .isEqualTo(new InterruptionEstimate(InterruptionBand.OVER_20, Derivation.PUBLISHED));
  }

  @Test
  void aTypeWithoutARowTakesItsFamilyMedian() {
    assertThat(advice.savings(m5TwoXl)).isEqualTo(new SpotSavings(65, Derivation.FAMILY_MEDIAN));
  }

  @Test
  void aHalfwayMedianBandCountsAsTheHigherBand() {
    // m5: <5% (ordinal 0) and 5-10% (ordinal 1): the median 0.5 is halfway -> 5-10%.
    assertThat(advice.interruption(m5TwoXl).band()).isEqualTo(InterruptionBand.FROM_5_TO_10);
  }

  @Test
  void aFamilyWithoutRowsTakesItsCategoryMedian() {
    assertThat(advice.savings(m7Large)).isEqualTo(new SpotSavings(65, Derivation.CATEGORY_MEDIAN));
  }

  @Test
  void aCategoryWithoutRowsTakesTheRegionMedian() {
    assertThat(advice.savings(u1Large)).isEqualTo(new SpotSavings(60, Derivation.REGION_MEDIAN));
    assertThat(advice.interruption(u1Large))
        .isEqualTo(
            new InterruptionEstimate(InterruptionBand.FROM_5_TO_10, Derivation.REGION_MEDIAN));
  }

  @Test
  void bandMidpointsAreMonthlyRates() {
    assertThat(InterruptionBand.UNDER_5.monthlyRateMidpoint()).isEqualTo(0.025);
    assertThat(InterruptionBand.FROM_15_TO_20.monthlyRateMidpoint()).isEqualTo(0.175);
    assertThat(InterruptionBand.OVER_20.monthlyRateMidpoint()).isEqualTo(0.225);
    assertThat(InterruptionBand.parse(">20%")).contains(InterruptionBand.OVER_20);
    assertThat(InterruptionBand.parse("20%")).isEmpty();
  }
}
