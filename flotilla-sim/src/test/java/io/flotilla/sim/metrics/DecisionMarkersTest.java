package io.flotilla.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.disruption.DisruptionDecision;
import org.junit.jupiter.api.Test;

/** Each voluntary decision's reason gives its marker's kind. */
class DecisionMarkersTest {
  @Test
  void consolidationMovesAndScaleDownOfUnderUsedNodesAreConsolidation() {
    assertThat(DecisionMarkers.kind(DisruptionDecision.DELETE)).isEqualTo("consolidation");
    assertThat(DecisionMarkers.kind(DisruptionDecision.replace(2, 1))).isEqualTo("consolidation");
    assertThat(DecisionMarkers.kind(DisruptionDecision.replace(1, 2))).isEqualTo("consolidation");
    assertThat(DecisionMarkers.kind(DisruptionDecision.SCALE_DOWN_UNDERUTILIZED))
        .isEqualTo("consolidation");
  }

  @Test
  void emptyNodesAreEmptinessAndExpiredOnesExpiry() {
    assertThat(DecisionMarkers.kind(DisruptionDecision.EMPTY)).isEqualTo("emptiness");
    assertThat(DecisionMarkers.kind(DisruptionDecision.SCALE_DOWN_EMPTY)).isEqualTo("emptiness");
    assertThat(DecisionMarkers.kind(DisruptionDecision.EXPIRED)).isEqualTo("expiry");
  }

  @Test
  void abandonedMovesAndGarbageCollectionAreOther() {
    assertThat(DecisionMarkers.kind(DisruptionDecision.ABANDONED)).isEqualTo("other");
    assertThat(DecisionMarkers.kind(DisruptionDecision.ORPHAN_INSTANCE)).isEqualTo("other");
    assertThat(DecisionMarkers.kind(DisruptionDecision.INSTANCE_GONE)).isEqualTo("other");
  }
}
