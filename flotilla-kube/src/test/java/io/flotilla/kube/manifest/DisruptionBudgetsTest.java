package io.flotilla.kube.manifest;

import static io.flotilla.kube.manifest.Fixtures.karpenter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.core.workload.DisruptionBudget.Amount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PodDisruptionBudgets read into {@link Manifests#budgets()}. */
class DisruptionBudgetsTest {
  /** Two pods to cover: team/w-0 (app: w, a Deployment's) and default/some-pod (no labels). */
  private static final String PODS =
      """
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: w, namespace: team}
      spec:
        replicas: 1
        template:
          metadata:
            labels: {app: w}
          spec:
            containers: [{name: a, image: x}]
      ---
      """
          + Fixtures.A_POD;

  @TempDir Path dir;

  /** A budget in namespace team; {@code spec} starts on line 7. */
  private static String pdb(String version, String spec) {
    return "apiVersion: policy/"
        + version
        + "\nkind: PodDisruptionBudget\nmetadata:\n  name: pdb\n  namespace: team\nspec:\n"
        + spec;
  }

  private Path file(String yaml) {
    return Fixtures.write(dir, "pdb.yaml", yaml + PODS);
  }

  private Manifests read(String yaml) throws ManifestException {
    return Fixtures.read(file(yaml));
  }

  private static Pod pod(Manifests m, String name) {
    return m.pods().stream().filter(p -> p.id().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void policyV1BudgetKeepsNamespaceNameSelectorAndPercentage() throws Exception {
    Manifests m =
        read(pdb("v1", "  minAvailable: \"80%\"\n  selector:\n    matchLabels: {app: w}\n"));

    assertThat(m.budgets())
        .containsExactly(
            new DisruptionBudget(
                "team",
                "pdb",
                new LabelSelector(Map.of("app", "w"), List.of()),
                new Amount(80, true),
                null));
    assertThat(m.budgets().get(0).covers(pod(m, "w-0"))).isTrue();
    assertThat(m.skippedKinds()).isEmpty();
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void maxUnavailableCountIsKeptAndNamespaceDefaults() throws Exception {
    Manifests m =
        read(
            pdb("v1beta1", "  maxUnavailable: 1\n  selector: {matchLabels: {app: w}}\n")
                .replace("  namespace: team\n", ""));

    DisruptionBudget b = m.budgets().get(0);
    assertThat(b.namespace()).isEqualTo("default");
    assertThat(b.minAvailable()).isNull();
    assertThat(b.maxUnavailable()).isEqualTo(new Amount(1, false));
  }

  @Test
  void policyV1EmptySelectorCoversEveryPodOfItsNamespace() throws Exception {
    Manifests m = read(pdb("v1", "  minAvailable: 1\n  selector: {}\n"));

    DisruptionBudget b = m.budgets().get(0);
    assertThat(b.covers(pod(m, "w-0"))).isTrue();
    assertThat(b.covers(pod(m, "some-pod"))).isFalse();
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void policyV1beta1EmptySelectorCoversNoPodAndSaysSo() throws Exception {
    Path file = file(pdb("v1beta1", "  minAvailable: 1\n  selector: {}\n"));

    Manifests m = Fixtures.read(file);

    DisruptionBudget b = m.budgets().get(0);
    assertThat(b.covers(pod(m, "w-0"))).isFalse();
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .startsWith(file + ":8: document 1 (PodDisruptionBudget/pdb): spec.selector: empty:")
        .contains("policy/v1beta1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1beta1"})
  void missingSelectorCoversNoPodAndSaysSo(String version) throws Exception {
    Manifests m = read(pdb(version, "  maxUnavailable: 1\n"));

    DisruptionBudget b = m.budgets().get(0);
    assertThat(b.covers(pod(m, "w-0"))).isFalse();
    assertThat(b.selector().matches(Map.of())).isFalse();
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("spec.selector: missing: a budget without a selector covers no pods");
  }

  @Test
  void neitherAmountAllowsNoEvictionAsTheDisruptionControllerDoes() throws Exception {
    Manifests m = read(pdb("v1", "  selector: {matchLabels: {app: w}}\n"));

    DisruptionBudget b = m.budgets().get(0);
    assertThat(b.maxUnavailable()).isEqualTo(new Amount(0, false));
    assertThat(b.disruptionsAllowed(List.of(pod(m, "w-0")), 1)).isZero();
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("document 1 (PodDisruptionBudget/pdb): spec: neither minAvailable nor");
  }

  @Test
  void laterDefinitionReplacesTheEarlierWithAWarning() throws Exception {
    String first = pdb("v1", "  minAvailable: 1\n  selector: {matchLabels: {app: w}}\n");
    Manifests m = read(first + "---\n" + first.replace("minAvailable: 1", "minAvailable: 2"));

    assertThat(m.budgets())
        .singleElement()
        .satisfies(b -> assertThat(b.minAvailable()).isEqualTo(new Amount(2, false)));
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("PodDisruptionBudget/pdb is also defined in");
  }

  @Test
  void unsupportedPolicyVersionIsSkippedWithAWarning() throws Exception {
    Manifests m = read(pdb("v1alpha1", "  minAvailable: 1\n"));

    assertThat(m.budgets()).isEmpty();
    assertThat(m.skippedKinds()).isEqualTo(Map.of("PodDisruptionBudget", 1));
    assertThat(m.warnings())
        .singleElement()
        .asString()
        .contains("unsupported apiVersion policy/v1alpha1");
  }

  @Test
  void budgetsAloneAreNothingToPlanAndAreCountedInTheMessage() {
    Path file = Fixtures.write(dir, "only.yaml", pdb("v1", "  minAvailable: 1\n  selector: {}\n"));

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Fixtures.read(file));

    assertThat(e.getMessage()).contains("found only PodDisruptionBudget x1");
  }

  @Test
  void karpenterExampleBudgetKeepsEightyPercentOfItsTenPods() throws Exception {
    Manifests m = Fixtures.read(karpenter("workloads/disruption-budget.yaml"));

    DisruptionBudget b = m.budgets().get(0);
    assertThat(b)
        .isEqualTo(
            new DisruptionBudget(
                "default",
                "pdb",
                new LabelSelector(Map.of("app", "pdb"), List.of()),
                new Amount(80, true),
                null));
    List<Pod> covered = m.pods().stream().filter(b::covers).toList();
    assertThat(covered).hasSize(10);
    assertThat(b.disruptionsAllowed(covered, 10)).isEqualTo(2);
  }

  @Test
  void manifestsBuiltWithTheOldComponentsHaveNoBudgetsOrAutoscalers() {
    Manifests m =
        new Manifests(List.of(), List.of(), List.of(), List.of(), new TreeMap<>(), List.of("w"));

    assertThat(m.budgets()).isEmpty();
    assertThat(m.autoscalers()).isEmpty();
    assertThat(m.warnings()).containsExactly("w");
  }

  static Stream<Arguments> badBudgets() {
    String selector = "  selector: {matchLabels: {app: w}}\n";
    return Stream.of(
        Arguments.of(
            "both amounts",
            "  minAvailable: 1\n  maxUnavailable: 1\n" + selector,
            6,
            "spec",
            "minAvailable and maxUnavailable cannot be both set"),
        Arguments.of(
            "negative count",
            "  minAvailable: -1\n" + selector,
            7,
            "spec.minAvailable",
            "must be greater than or equal to 0, got -1"),
        Arguments.of(
            "percentage over 100",
            "  maxUnavailable: 150%\n" + selector,
            7,
            "spec.maxUnavailable",
            "must not be greater than 100%, got 150%"),
        Arguments.of(
            "neither count nor percentage",
            "  minAvailable: half\n" + selector,
            7,
            "spec.minAvailable",
            "expected a count or a percentage such as \"50%\", got \"half\""),
        Arguments.of(
            "Gt in the selector",
            "  minAvailable: 1\n  selector:\n    matchExpressions:\n"
                + "      - {key: app, operator: Gt, values: ['1']}\n",
            10,
            "spec.selector.matchExpressions[0].operator",
            "Gt and Lt are not allowed in a label selector"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBudgets")
  void badBudgetNamesFileLineAndField(
      String name, String spec, int line, String field, String problem) {
    Path file = file(pdb("v1", spec));

    ManifestException e = catchThrowableOfType(ManifestException.class, () -> Fixtures.read(file));

    assertThat(e).isNotNull();
    assertThat(e.fieldPath()).isEqualTo(field);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.getMessage())
        .isEqualTo(
            file
                + ":"
                + line
                + ": document 1 (PodDisruptionBudget/pdb): "
                + field
                + ": "
                + problem);
  }
}
