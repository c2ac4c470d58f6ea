package io.flotilla.kube.manifest.values;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.List;
import java.util.Map;

/**
 * The labels whose values Flotilla knows in full: a value outside the set is a typo that would
 * silently match nothing, so it is an error.
 */
public final class WellKnownValues {
  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          WellKnownLabels.CAPACITY_TYPE, List.of("spot", "on-demand", "reserved"),
          WellKnownLabels.ARCH, List.of("amd64", "arm64"),
          WellKnownLabels.OS, List.of("linux", "windows"));

  private WellKnownValues() {}

  /** Checks one value of {@code key}, reported at {@code at}. */
  public static void check(FieldPath at, String key, String value) {
    List<String> allowed = ALLOWED.get(key);
    if (allowed != null && !allowed.contains(value)) {
      throw new FieldError(
          at,
          "unknown "
              + key
              + " value '"
              + value
              + "' (expected "
              + String.join(", ", allowed)
              + ")");
    }
  }

  /** Checks each value of a requirement's list, reported at {@code at[i]}. */
  public static void checkAll(FieldPath at, String key, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      check(at.index(i), key, values.get(i));
    }
  }

  /** Checks the values of a label map (nodeSelector, pool labels), each at {@code at[key]}. */
  public static void checkLabels(FieldPath at, Map<String, String> labels) {
    labels.forEach((k, v) -> check(at.child(k), k, v));
  }
}
