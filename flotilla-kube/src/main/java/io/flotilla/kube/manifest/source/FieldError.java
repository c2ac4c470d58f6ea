package io.flotilla.kube.manifest.source;

import java.util.function.Supplier;

/**
 * A bad value found while converting one object: the path of the field (relative to the object
 * being read) and what is wrong with it. The reader adds the file, document and line.
 */
public final class FieldError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient FieldPath path;
  private final String problem;

  public FieldError(FieldPath path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  public FieldPath path() {
    return path;
  }

  public String problem() {
    return problem;
  }

  /** Runs a core-model constructor or parser, turning its IllegalArgumentException into this. */
  public static <T> T guard(FieldPath path, Supplier<T> body) {
    try {
      return body.get();
    } catch (IllegalArgumentException e) {
      throw new FieldError(path, e.getMessage());
    }
  }
}
