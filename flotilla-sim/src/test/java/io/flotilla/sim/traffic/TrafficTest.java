package io.flotilla.sim.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficTest {
  @Test
  void aConstantIsTheSameAtAnyTime() {
    Traffic c = Traffic.constant(1_500);

    assertThat(c.at(0)).isEqualTo(1_500);
    assertThat(c.at(1e6)).isEqualTo(1_500);
    assertThat(c.integral(10, 20)).isEqualTo(15_000);
  }

  @Test
  void aRampGoesLinearlyFromOneValueToTheOtherOverItsLengthThenStays() {
    Traffic r = new Traffic.Ramp(100, 300, Duration.ofSeconds(60), Duration.ofSeconds(100));

    assertThat(r.at(0)).isEqualTo(100);
    assertThat(r.at(60)).isEqualTo(100);
    assertThat(r.at(110)).isEqualTo(200);
    assertThat(r.at(160)).isEqualTo(300);
    assertThat(r.at(10_000)).isEqualTo(300);
    // 60 s at 100, 100 s averaging 200, 40 s at 300.
    assertThat(r.integral(0, 200)).isCloseTo(6_000 + 20_000 + 12_000, within(1e-9));
  }

  @Test
  void aDailyWavePeaksAtItsHourAndBottomsOutTwelveHoursLater() {
    Traffic w = Traffic.daily(1_000, 5_000, 14);

    assertThat(w.at(14 * 3600)).isCloseTo(5_000, within(1e-9));
    assertThat(w.at(2 * 3600)).isCloseTo(1_000, within(1e-9));
    assertThat(w.at(8 * 3600)).isCloseTo(3_000, within(1e-9));
    assertThat(w.at(14 * 3600 + 86_400)).isCloseTo(5_000, within(1e-9));
    // A whole day averages the midpoint.
    assertThat(w.integral(0, 86_400)).isCloseTo(3_000 * 86_400.0, within(1e-3));
  }

  @Test
  void aWaveMayHaveAnyPeriod() {
    Traffic hourly = new Traffic.Wave(0, 10, Duration.ofMinutes(15), Duration.ofHours(1));

    assertThat(hourly.at(15 * 60)).isCloseTo(10, within(1e-9));
    assertThat(hourly.at(45 * 60)).isCloseTo(0, within(1e-9));
    assertThat(hourly.at(3600 + 15 * 60)).isCloseTo(10, within(1e-9));
  }

  @Test
  void pointsAreInterpolatedLinearlyAndHeldBeforeTheFirstAndAfterTheLast() {
    Traffic p =
        new Traffic.Points(
            List.of(
                new Traffic.Points.Point(10, 100),
                new Traffic.Points.Point(20, 300),
                new Traffic.Points.Point(40, 100)));

    assertThat(p.at(0)).isEqualTo(100);
    assertThat(p.at(10)).isEqualTo(100);
    assertThat(p.at(15)).isEqualTo(200);
    assertThat(p.at(20)).isEqualTo(300);
    assertThat(p.at(30)).isEqualTo(200);
    assertThat(p.at(99)).isEqualTo(100);
    // 10 s at 100, then 10 s averaging 200, then 20 s averaging 200, then 10 s at 100.
    assertThat(p.integral(0, 50)).isCloseTo(1_000 + 2_000 + 4_000 + 1_000, within(1e-9));
  }

  @Test
  void pointsOutOfOrderOrNegativeRatesAreRefused() {
    assertThatThrownBy(
            () ->
                new Traffic.Points(
                    List.of(new Traffic.Points.Point(10, 1), new Traffic.Points.Point(10, 2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Traffic.constant(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Traffic.daily(5, 1, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Over random curves: values stay within the curve's range, and the integral over any interval
   * matches a fine midpoint sum of the values (an independent numeric check) and adds up over
   * adjacent intervals.
   */
  @Test
  void integralsAgreeWithSummedValuesOverRandomCurves() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 400; i++) {
      Traffic curve = randomCurve(random);
      double a = random.nextDouble() * 20_000;
      double b = a + random.nextDouble() * 5_000;
      double m = a + (b - a) * random.nextDouble();
      int steps = 20_000;
      double sum = 0;
      double lo = Double.MAX_VALUE;
      double hi = -Double.MAX_VALUE;
      for (int k = 0; k < steps; k++) {
        double v = curve.at(a + (b - a) * (k + 0.5) / steps);
        sum += v;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      double integral = curve.integral(a, b);
      assertThat(integral)
          .as("%s on [%s, %s]", curve, a, b)
          .isCloseTo(sum * (b - a) / steps, within(1e-3 * (Math.abs(integral) + 1)));
      assertThat(curve.integral(a, m) + curve.integral(m, b))
          .isCloseTo(integral, within(1e-6 * (integral + 1)));
      assertThat(lo).isGreaterThanOrEqualTo(0);
    }
  }

  private static Traffic randomCurve(SplittableRandom random) {
    switch (random.nextInt(4)) {
      case 0:
        return Traffic.constant(random.nextDouble() * 1_000);
      case 1:
        return new Traffic.Ramp(
            random.nextDouble() * 1_000,
            random.nextDouble() * 1_000,
            Duration.ofSeconds(random.nextInt(10_000)),
            Duration.ofSeconds(1 + random.nextInt(10_000)));
      case 2:
        double min = random.nextDouble() * 500;
        return new Traffic.Wave(
            min,
            min + random.nextDouble() * 500,
            Duration.ofSeconds(random.nextInt(86_400)),
            Duration.ofSeconds(600 + random.nextInt(86_400)));
      default:
        List<Traffic.Points.Point> points = new ArrayList<>();
        double t = random.nextDouble() * 5_000;
        for (int k = 0, n = 1 + random.nextInt(30); k < n; k++) {
          points.add(new Traffic.Points.Point(t, random.nextDouble() * 1_000));
          t += 1 + random.nextDouble() * 2_000;
        }
        return new Traffic.Points(points);
    }
  }
}
