package io.flotilla.flink.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.flink.event.TickerEvent;
import io.flotilla.flink.window.WindowSpec;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The checks every end-to-end test makes: each event once, windows equal to a recomputation. */
public final class ResultAssertions {

  private ResultAssertions() {}

  public static void assertExactlyOnce(WrittenOutputs written, Collection<TickerEvent> events)
      throws IOException {
    List<String> ids = written.rawIds();
    Map<String, Long> counts =
        ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts.values()).as("raw events written more than once").allMatch(c -> c == 1);
    Set<String> expected = events.stream().map(TickerEvent::id).collect(Collectors.toSet());
    Set<String> missing = new HashSet<>(expected);
    missing.removeAll(counts.keySet());
    Set<String> unexpected = new HashSet<>(counts.keySet());
    unexpected.removeAll(expected);
    assertThat(missing).as("generated events missing from the raw output").isEmpty();
    assertThat(unexpected).as("raw events that were never generated").isEmpty();
    assertThat(ids).as("raw events written").hasSize(expected.size());
  }

  public static void assertWindowsMatch(
      WrittenOutputs written, Collection<TickerEvent> events, WindowSpec spec) throws IOException {
    assertThat(written.slidingMaxima())
        .as("sliding-window maxima")
        .isEqualTo(ExpectedResults.slidingMaxima(events, spec));
    Map<String, ExpectedResults.Stats> expected = ExpectedResults.minuteStats(events, spec);
    Map<String, String[]> actual = written.minuteStats();
    assertThat(actual.keySet()).as("one-minute windows").isEqualTo(expected.keySet());
    for (Map.Entry<String, ExpectedResults.Stats> e : expected.entrySet()) {
      String[] f = actual.get(e.getKey());
      ExpectedResults.Stats s = e.getValue();
      assertThat(Long.parseLong(f[3])).as("count of %s", e.getKey()).isEqualTo(s.count());
      assertThat(Double.parseDouble(f[4])).as("min of %s", e.getKey()).isEqualTo(s.min());
      assertThat(Double.parseDouble(f[5])).as("max of %s", e.getKey()).isEqualTo(s.max());
      assertThat(Double.parseDouble(f[6]))
          .as("avg of %s", e.getKey())
          .isCloseTo(s.average(), within(1e-6));
      assertThat(Double.parseDouble(f[7])).as("first of %s", e.getKey()).isEqualTo(s.first());
      assertThat(Double.parseDouble(f[8])).as("last of %s", e.getKey()).isEqualTo(s.last());
    }
  }
}
