package io.flotilla.core.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node selector requirements: matching concrete labels and compatibility of two sets. */
class RequirementsTest {
  private static Requirement req(String key, Operator op, String... values) {
    return Requirement.of(key, op, List.of(values));
  }

  @Test
  void inAndNotInMatchOnTheValue() {
    assertThat(req("k", Operator.IN, "a", "b").matches("a")).isTrue();
    assertThat(req("k", Operator.IN, "a").matches("c")).isFalse();
    assertThat(req("k", Operator.IN, "a").matches(null)).isFalse();
    assertThat(req("k", Operator.NOT_IN, "a").matches("c")).isTrue();
    assertThat(req("k", Operator.NOT_IN, "a").matches("a")).isFalse();
    assertThat(req("k", Operator.NOT_IN, "a").matches(null)).isTrue();
  }

  @Test
  void existsAndDoesNotExistLookOnlyAtPresence() {
    assertThat(req("k", Operator.EXISTS).matches("")).isTrue();
    assertThat(req("k", Operator.EXISTS).matches(null)).isFalse();
    assertThat(req("k", Operator.DOES_NOT_EXIST).matches(null)).isTrue();
    assertThat(req("k", Operator.DOES_NOT_EXIST).matches("x")).isFalse();
  }

  @Test
  void gtAndLtCompareIntegersStrictly() {
    assertThat(req("cpu", Operator.GT, "4").matches("8")).isTrue();
    assertThat(req("cpu", Operator.GT, "4").matches("4")).isFalse();
    assertThat(req("cpu", Operator.LT, "4").matches("2")).isTrue();
    assertThat(req("cpu", Operator.LT, "4").matches("4")).isFalse();
    assertThat(req("cpu", Operator.GT, "4").matches("eight")).isFalse();
    assertThat(req("cpu", Operator.GT, "4").matches(null)).isFalse();
  }

  @Test
  void malformedRequirementsAreRejected() {
    assertThatThrownBy(() -> req("k", Operator.IN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> req("k", Operator.EXISTS, "a"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> req("k", Operator.GT, "1", "2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> req("k", Operator.LT, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Requirement("k", Operator.IN, java.util.Set.of("a"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void operatorsParseFromTheirApiSpelling() {
    assertThat(Operator.parse("NotIn")).isEqualTo(Operator.NOT_IN);
    assertThat(Operator.parse("DoesNotExist")).isEqualTo(Operator.DOES_NOT_EXIST);
    assertThatThrownBy(() -> Operator.parse("notin")).hasMessageContaining("In, NotIn");
  }

  @Test
  void aConjunctionMatchesWhenEveryRequirementHolds() {
    Requirements r =
        Requirements.of(
            Requirement.in(WellKnownLabels.ARCH, "arm64"),
            req(WellKnownLabels.INSTANCE_CPU, Operator.GT, "2"));
    assertThat(r.matches(Map.of(WellKnownLabels.ARCH, "arm64", WellKnownLabels.INSTANCE_CPU, "4")))
        .isTrue();
    assertThat(r.matches(Map.of(WellKnownLabels.ARCH, "arm64", WellKnownLabels.INSTANCE_CPU, "2")))
        .isFalse();
    assertThat(r.firstViolated(Map.of(WellKnownLabels.ARCH, "amd64")))
        .contains(Requirement.in(WellKnownLabels.ARCH, "arm64"));
  }

  @Test
  void disjointValueSetsAreIncompatible() {
    assertThat(
            Requirements.of(req("k", Operator.IN, "a"))
                .compatibleWith(Requirements.of(req("k", Operator.IN, "b"))))
        .isFalse();
    assertThat(
            Requirements.of(req("k", Operator.IN, "a", "b"))
                .compatibleWith(Requirements.of(req("k", Operator.IN, "b", "c"))))
        .isTrue();
    assertThat(
            Requirements.of(req("k", Operator.IN, "a"))
                .compatibleWith(Requirements.of(req("k", Operator.NOT_IN, "a"))))
        .isFalse();
  }

  @Test
  void existsAndDoesNotExistAreIncompatibleButNotInAllowsAbsence() {
    assertThat(
            Requirements.of(req("k", Operator.EXISTS))
                .compatibleWith(Requirements.of(req("k", Operator.DOES_NOT_EXIST))))
        .isFalse();
    assertThat(
            Requirements.of(req("k", Operator.NOT_IN, "a"))
                .compatibleWith(Requirements.of(req("k", Operator.DOES_NOT_EXIST))))
        .isTrue();
  }

  @Test
  void gtAndLtAreCompatibleOnlyWhenAnIntegerLiesBetween() {
    Requirements gt4 = Requirements.of(req("cpu", Operator.GT, "4"));
    assertThat(gt4.compatibleWith(Requirements.of(req("cpu", Operator.LT, "5")))).isFalse();
    assertThat(gt4.compatibleWith(Requirements.of(req("cpu", Operator.LT, "6")))).isTrue();
    assertThat(gt4.compatibleWith(Requirements.of(req("cpu", Operator.IN, "8")))).isTrue();
    assertThat(gt4.compatibleWith(Requirements.of(req("cpu", Operator.IN, "2")))).isFalse();
  }

  @Test
  void aKeyOnlyOneSideNamesIsUnconstrained() {
    assertThat(
            Requirements.of(req("a", Operator.IN, "1"))
                .compatibleWith(Requirements.of(req("b", Operator.IN, "2"))))
        .isTrue();
  }

  @Test
  void onlySingleValuedInRequirementsPinALabel() {
    Requirements r =
        Requirements.of(
            Requirement.in("team", "data"),
            Requirement.in(WellKnownLabels.ZONE, "us-east-1a", "us-east-1b"),
            req("tier", Operator.NOT_IN, "free"),
            Requirement.in("env", "prod", "staging"),
            Requirement.in("env", "prod"));
    assertThat(r.pinnedLabels())
        .containsExactlyInAnyOrderEntriesOf(Map.of("team", "data", "env", "prod"));
  }

  @Test
  void fromLabelsPinsEveryLabel() {
    Requirements r = Requirements.fromLabels(Map.of("a", "1", "b", "2"));
    assertThat(r.matches(Map.of("a", "1", "b", "2", "c", "3"))).isTrue();
    assertThat(r.matches(Map.of("a", "1"))).isFalse();
  }

  @Test
  void nodeAffinityMatchesWhenAnyRequiredTermHoldsAndScoresPreferences() {
    NodeAffinity affinity =
        new NodeAffinity(
            List.of(
                Requirements.of(Requirement.in(WellKnownLabels.ARCH, "arm64")),
                Requirements.of(Requirement.in(WellKnownLabels.INSTANCE_FAMILY, "m5"))),
            List.of(
                new NodeAffinity.Preference(30, Requirements.of(Requirement.in("zone", "a"))),
                new NodeAffinity.Preference(5, Requirements.of(Requirement.in("disk", "ssd")))));
    assertThat(affinity.matches(Map.of(WellKnownLabels.INSTANCE_FAMILY, "m5"))).isTrue();
    assertThat(affinity.matches(Map.of(WellKnownLabels.ARCH, "amd64"))).isFalse();
    assertThat(NodeAffinity.NONE.matches(Map.of())).isTrue();
    assertThat(affinity.preferenceScore(Map.of("zone", "a", "disk", "ssd"))).isEqualTo(35);
    assertThat(affinity.preferenceScore(Map.of("disk", "ssd"))).isEqualTo(5);
  }

  @Test
  void valuesIterateInSortedOrderWhateverOrderTheyCameIn() {
    // The first value a node gets under a multi-valued requirement must not depend on the JVM.
    Requirement r =
        Requirement.in("capacity-spread", "7", "3", "9", "1", "5", "8", "2", "6", "4", "10");

    assertThat(List.copyOf(r.values()))
        .containsExactly("1", "10", "2", "3", "4", "5", "6", "7", "8", "9");
  }
}
