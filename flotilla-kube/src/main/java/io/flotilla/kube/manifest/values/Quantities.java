package io.flotilla.kube.manifest.values;

import com.fasterxml.jackson.databind.JsonNode;
import io.flotilla.core.resource.Quantity;
import io.flotilla.core.resource.Resources;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Resource lists (requests, limits, capacity, reserved) parsed into canonical Resources. */
public final class Quantities {
  private Quantities() {}

  /** From fabric8's quantities (which accept any text: the value is checked here). */
  public static Resources fromFabric8(
      FieldPath at, Map<String, io.fabric8.kubernetes.api.model.Quantity> quantities) {
    return parse(
        at, quantities, q -> q == null ? null : q.getAmount() + nullToEmpty(q.getFormat()));
  }

  /** From a parsed mapping of resource name to quantity text or number. */
  public static Resources fromNodes(FieldPath at, Map<String, JsonNode> quantities) {
    return parse(at, quantities, n -> n == null || n.isNull() ? null : n.asText());
  }

  /** One quantity in canonical units for the named resource. */
  public static long canonical(FieldPath at, String resource, String text) {
    if (text == null || text.isBlank()) {
      throw new FieldError(at, "missing quantity");
    }
    return FieldError.guard(at, () -> Quantity.canonical(resource, text));
  }

  private static <V> Resources parse(
      FieldPath at, Map<String, V> values, Function<V, String> text) {
    if (values == null || values.isEmpty()) {
      return Resources.NONE;
    }
    Map<String, Long> amounts = new TreeMap<>();
    values.forEach(
        (name, value) -> amounts.put(name, canonical(at.child(name), name, text.apply(value))));
    return Resources.of(amounts);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
