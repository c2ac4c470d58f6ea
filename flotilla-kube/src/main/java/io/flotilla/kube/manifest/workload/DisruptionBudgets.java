package io.flotilla.kube.manifest.workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.workload.DisruptionBudget;
import io.flotilla.core.workload.DisruptionBudget.Amount;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import io.flotilla.kube.manifest.values.ObjectNames;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PodDisruptionBudgets as Kubernetes treats them. The selector: absent matches no pods; empty
 * ({@code {}}) matches every pod of the namespace in policy/v1 and none in policy/v1beta1. The
 * amounts: a count of at least 0, or a percentage up to {@code "100%"}; setting both is rejected as
 * the API server does. Setting neither is accepted by the API server, and the disruption controller
 * then allows no eviction at all: that is read as {@code maxUnavailable: 0}, with a warning.
 */
public final class DisruptionBudgets {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final FieldPath SELECTOR = SPEC.child("selector");
  private static final Pattern PERCENT = Pattern.compile("([0-9]+)%");
  private static final Pattern COUNT = Pattern.compile("-?[0-9]+");

  /** The label Kubernetes itself uses in the never-matching selector it stores for v1beta1. */
  static final String MATCH_NONE_KEY = "pdb.kubernetes.io/deprecated-v1beta1-empty-selector-match";

  /** A selector no pod satisfies: the key must both exist and not exist. */
  static final LabelSelector NOTHING =
      new LabelSelector(
          Map.of(),
          List.of(
              new Requirement(MATCH_NONE_KEY, Operator.EXISTS, Set.of(), null),
              new Requirement(MATCH_NONE_KEY, Operator.DOES_NOT_EXIST, Set.of(), null)));

  private DisruptionBudgets() {}

  /** Converts a budget of apiVersion policy/{@code version} ("v1" or "v1beta1"). */
  public static DisruptionBudget convert(PodDisruptionBudgetDoc pdb, String version, Warnings w) {
    String namespace = ObjectNames.namespace(pdb.metadata());
    String name = ObjectNames.name(pdb.metadata());
    PodDisruptionBudgetDoc.Spec spec =
        pdb.spec() == null ? new PodDisruptionBudgetDoc.Spec(null, null, null) : pdb.spec();
    if (spec.minAvailable() != null && spec.maxUnavailable() != null) {
      throw new FieldError(SPEC, "minAvailable and maxUnavailable cannot be both set");
    }
    Amount min = amount(SPEC.child("minAvailable"), spec.minAvailable());
    Amount max = amount(SPEC.child("maxUnavailable"), spec.maxUnavailable());
    LabelSelector selector = selector(spec.selector(), version, w);
    if (min == null && max == null) {
      max = new Amount(0, false);
      if (!selector.equals(NOTHING)) {
        w.warn(
            SPEC,
            "neither minAvailable nor maxUnavailable is set: the disruption controller then"
                + " allows no eviction of the covered pods (read as maxUnavailable: 0)");
      }
    }
    Amount minAvailable = min;
    Amount maxUnavailable = max;
    return FieldError.guard(
        SPEC, () -> new DisruptionBudget(namespace, name, selector, minAvailable, maxUnavailable));
  }

  private static LabelSelector selector(
      io.fabric8.kubernetes.api.model.LabelSelector s, String version, Warnings w) {
    if (s == null) {
      w.warn(SELECTOR, "missing: a budget without a selector covers no pods");
      return NOTHING;
    }
    boolean empty =
        (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
            && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
    if (empty && version.equals("v1beta1")) {
      w.warn(
          SELECTOR,
          "empty: in policy/v1beta1 an empty selector covers no pods (in policy/v1, every pod of"
              + " the namespace)");
      return NOTHING;
    }
    // In policy/v1 an empty selector converts to one without requirements: every pod.
    return LabelSelectors.convert(SELECTOR, s);
  }

  /**
   * An IntOrString amount as the API server validates it; null when not set. A plain YAML scalar
   * reaches us as text, so digits written as text count as a number: a quoted {@code "2"}, which
   * the API server rejects, is accepted here.
   */
  private static Amount amount(FieldPath at, IntOrString value) {
    if (value == null || value.getValue() == null) {
      return null;
    }
    Object v = value.getValue();
    String text = v.toString();
    if (v instanceof Integer || COUNT.matcher(text).matches()) {
      BigInteger count = new BigInteger(text);
      if (count.signum() < 0) {
        throw new FieldError(at, "must be greater than or equal to 0, got " + count);
      }
      if (count.bitLength() > 31) {
        throw new FieldError(at, "too large: " + count);
      }
      return new Amount(count.intValue(), false);
    }
    Matcher m = PERCENT.matcher(text);
    if (!m.matches()) {
      throw new FieldError(
          at, "expected a count or a percentage such as \"50%\", got \"" + text + "\"");
    }
    String digits = m.group(1).replaceFirst("^0+(?=.)", "");
    if (digits.length() > 3 || Integer.parseInt(digits) > 100) {
      throw new FieldError(at, "must not be greater than 100%, got " + text);
    }
    return new Amount(Integer.parseInt(digits), true);
  }
}
