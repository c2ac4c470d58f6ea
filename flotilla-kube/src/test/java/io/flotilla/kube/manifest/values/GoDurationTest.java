package io.flotilla.kube.manifest.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
  private static final FieldPath AT = FieldPath.of("spec", "expireAfter");

  @ParameterizedTest
  @CsvSource({
    "168h,PT168H",
    "1h30m,PT1H30M",
    "60s,PT1M",
    "0s,PT0S",
    "0,PT0S",
    "1.5h,PT1H30M",
    "250ms,PT0.25S",
    "720h,PT720H"
  })
  void parsesGoDurations(String text, String expected) {
    assertThat(GoDuration.parse(AT, text, null)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"7days", "30", "h", "1h 30m", "-5m", ""})
  void rejectsAnythingElseAtItsPath(String text) {
    assertThatThrownBy(() -> GoDuration.parse(AT, text, null))
        .isInstanceOfSatisfying(
            FieldError.class,
            e -> {
              assertThat(e.path()).isEqualTo(AT);
              assertThat(e.problem()).startsWith("invalid duration '" + text + "'");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Never"})
  void neverMeansNoLimit(String text) {
    assertThat(GoDuration.parse(AT, text, Duration.ofHours(720))).isNull();
    assertThat(GoDuration.parse(AT, null, Duration.ofHours(720))).isEqualTo(Duration.ofHours(720));
  }
}
