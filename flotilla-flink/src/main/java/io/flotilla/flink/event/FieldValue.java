package io.flotilla.flink.event;

/** A field's value, or the problem that kept it from having one. */
record FieldValue<T>(T value, String problem) {

  static <T> FieldValue<T> of(T value) {
    return new FieldValue<>(value, null);
  }

  static <T> FieldValue<T> problem(String problem) {
    return new FieldValue<>(null, problem);
  }
}
