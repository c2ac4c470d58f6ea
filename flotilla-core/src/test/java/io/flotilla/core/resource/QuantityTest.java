package io.flotilla.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kubernetes quantities parse exactly as the API server parses them. */
class QuantityTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "250m, 0.25",
    "1.5, 1.5",
    ".5, 0.5",
    "2e3, 2000",
    "1E3, 1000",
    "1k, 1000",
    "256M, 256000000",
    "1Ki, 1024",
    "4Gi, 4294967296",
    "1Ti, 1099511627776",
    "1E, 1000000000000000000",
    "100u, 0.0001",
    "5n, 0.000000005"
  })
  void parsesDecimalBinaryAndExponentForms(String text, String expected) {
    assertThat(Quantity.parse(text)).isEqualByComparingTo(new BigDecimal(expected));
  }

  @Test
  void cpuIsCanonicalInMillicores() {
    assertThat(Quantity.canonical("cpu", "250m")).isEqualTo(250);
    assertThat(Quantity.canonical("cpu", "1")).isEqualTo(1000);
    assertThat(Quantity.canonical("cpu", "1.5")).isEqualTo(1500);
  }

  @Test
  void fractionsOfTheCanonicalUnitRoundUp() {
    assertThat(Quantity.canonical("cpu", "0.1m")).isEqualTo(1);
    assertThat(Quantity.canonical("memory", "1.5")).isEqualTo(2);
    assertThat(Quantity.canonical("memory", "100u")).isEqualTo(1);
  }

  @Test
  void memoryIsCanonicalInBytes() {
    assertThat(Quantity.canonical("memory", "1.5Gi")).isEqualTo(1536L << 20);
    assertThat(Quantity.canonical("memory", "128M")).isEqualTo(128_000_000L);
    assertThat(Quantity.canonical("nvidia.com/gpu", "2")).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "1Gb", "1 Gi", "Mi", "1.2.3", "-1", "-250m"})
  void rejectsMalformedAndNegativeQuantities(String text) {
    assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNullAndValuesTooLargeForALong() {
    assertThatThrownBy(() -> Quantity.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Quantity.canonical("memory", "1e30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void formatsCanonicalValuesInTheirShortestExactForm() {
    assertThat(Quantity.format("cpu", 1500)).isEqualTo("1500m");
    assertThat(Quantity.format("cpu", 2000)).isEqualTo("2");
    assertThat(Quantity.format("memory", 4L << 30)).isEqualTo("4Gi");
    assertThat(Quantity.format("memory", 1536L << 20)).isEqualTo("1536Mi");
    assertThat(Quantity.format("memory", 1000)).isEqualTo("1000");
    assertThat(Quantity.format("pods", 58)).isEqualTo("58");
  }

  @Test
  void formatAndCanonicalRoundTrip() {
    for (String text : new String[] {"250m", "3", "512Mi", "7Gi", "1Ki"}) {
      String resource = text.endsWith("i") ? "memory" : "cpu";
      long value = Quantity.canonical(resource, text);
      assertThat(Quantity.canonical(resource, Quantity.format(resource, value))).isEqualTo(value);
    }
  }
}
