package io.flotilla.core.workload;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisruptionBudgetTest {
  private static final LabelSelector WEB = new LabelSelector(Map.of("app", "web"), List.of());
  private static final List<Pod> TEN = app("web").replicas(10);

  @Test
  void percentagesAreOfTheCoveredPodsRoundedUp() {
    DisruptionBudget min =
        new DisruptionBudget("default", "b", WEB, DisruptionBudget.Amount.parse("55%"), null);
    DisruptionBudget max =
        new DisruptionBudget("default", "b", WEB, null, DisruptionBudget.Amount.parse("15%"));

    // minAvailable 55 % of 10 = 5.5 -> 6 must stay; maxUnavailable 15 % -> 2 may go.
    assertThat(min.disruptionsAllowed(TEN, 10)).isEqualTo(4);
    assertThat(max.disruptionsAllowed(TEN, 10)).isEqualTo(2);
    assertThat(max.disruptionsAllowed(TEN, 8)).isZero();
    assertThat(max.disruptionsAllowed(TEN, 7)).isZero();
  }

  @Test
  void aBudgetCoversPodsOfItsNamespaceItsSelectorMatches() {
    DisruptionBudget b =
        new DisruptionBudget("default", "b", WEB, DisruptionBudget.Amount.parse("1"), null);

    assertThat(b.covers(app("web").one())).isTrue();
    assertThat(b.covers(app("api").one())).isFalse();
    assertThat(b.covers(app("web").namespace("other").one())).isFalse();
  }

  @Test
  void badBudgetsAreRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> DisruptionBudget.Amount.parse("half")).hasMessageContaining("'half'");
    assertThatThrownBy(() -> DisruptionBudget.Amount.parse("120%")).hasMessageContaining("120%");
    assertThatThrownBy(() -> new DisruptionBudget("default", "b", WEB, null, null))
        .hasMessageContaining("default/b")
        .hasMessageContaining("exactly one");
  }
}
