package io.flotilla.core.label;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Node selector operators, spelled as in the Kubernetes API. */
public enum Operator {
  IN("In"),
  NOT_IN("NotIn"),
  EXISTS("Exists"),
  DOES_NOT_EXIST("DoesNotExist"),
  GT("Gt"),
  LT("Lt");

  private final String apiName;

  Operator(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** Parses the API spelling; anything else is rejected with the allowed values. */
  public static Operator parse(String text) {
    for (Operator op : values()) {
      if (op.apiName.equals(text)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "unknown operator '"
            + text
            + "' (expected one of "
            + Arrays.stream(values()).map(Operator::apiName).collect(Collectors.joining(", "))
            + ")");
  }
}
