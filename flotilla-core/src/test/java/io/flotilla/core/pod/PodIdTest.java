package io.flotilla.core.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodIdTest {
  @Test
  void digitRunsCompareByValueSoWebTwoComesBeforeWebTen() {
    List<PodId> ids =
        new ArrayList<>(
            List.of(
                new PodId("default", "web-10"),
                new PodId("default", "web-2"),
                new PodId("default", "web-002"),
                new PodId("default", "web-1"),
                new PodId("default", "web-0")));
    ids.sort(null);
    assertThat(ids.stream().map(PodId::name))
        .containsExactly("web-0", "web-1", "web-002", "web-2", "web-10");
  }

  @Test
  void leadingZerosDoNotMakeARunLarger() {
    assertThat(PodId.natural("a-0009", "a-10")).isNegative();
    assertThat(PodId.natural("a-10", "a-0009")).isPositive();
    assertThat(PodId.natural("a-000", "a-0")).isNotZero();
    assertThat(PodId.natural("a-19", "a-20")).isNegative();
  }

  /** The order the comparison had when it stripped zeros with a regular expression. */
  private static int byRegex(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String da = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String db = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int c =
            da.length() != db.length()
                ? Integer.compare(da.length(), db.length())
                : da.compareTo(db);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    int c = Integer.compare(a.length() - i, b.length() - j);
    return c != 0 ? c : a.compareTo(b);
  }

  private static String randomName(SplittableRandom random) {
    String alphabet = "a0-0190b00";
    StringBuilder s = new StringBuilder();
    int n = random.nextInt(9);
    for (int i = 0; i < n; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theOrderIsTheSameAsStrippingZerosWithARegularExpression(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < 2000; k++) {
      String a = randomName(random);
      String b = randomName(random);
      assertThat(Integer.signum(PodId.natural(a, b)))
          .as("%s vs %s", a, b)
          .isEqualTo(Integer.signum(byRegex(a, b)));
    }
  }
}
