package io.flotilla.core.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource bags: absent means zero, arithmetic per name, comparisons per name. */
class ResourcesTest {
  private static Resources r(String cpu, String memory) {
    return Resources.parse(Map.of("cpu", cpu, "memory", memory));
  }

  @Test
  void absentNamesAreZeroAndZeroEntriesAreDropped() {
    Resources x = Resources.of(Map.of("cpu", 0L, "memory", 5L));
    assertThat(x.names()).containsExactly("memory");
    assertThat(x.get("cpu")).isZero();
    assertThat(Resources.of(Map.of("cpu", 0L))).isSameAs(Resources.NONE);
  }

  @Test
  void negativeAmountsAreRejected() {
    assertThatThrownBy(() -> Resources.of("cpu", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void plusAndMinusFlooredWorkPerName() {
    Resources a = r("1", "1Gi");
    Resources b = r("250m", "2Gi");
    assertThat(a.plus(b)).isEqualTo(r("1250m", "3Gi"));
    assertThat(a.minusFloored(b)).isEqualTo(Resources.parse(Map.of("cpu", "750m")));
  }

  @Test
  void fitsInComparesEveryRequestedName() {
    Resources capacity = r("4", "16Gi");
    assertThat(r("4", "16Gi").fitsIn(capacity)).isTrue();
    assertThat(r("4001m", "1Gi").fitsIn(capacity)).isFalse();
    assertThat(Resources.of("nvidia.com/gpu", 1).fitsIn(capacity)).isFalse();
    assertThat(r("5", "17Gi").exceeding(capacity)).containsExactly("cpu", "memory");
  }

  @Test
  void printsInKubernetesForm() {
    assertThat(r("1500m", "2Gi").toString()).isEqualTo("{cpu=1500m, memory=2Gi}");
  }
}
