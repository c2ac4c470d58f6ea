package io.flotilla.kube.manifest;

import io.flotilla.kube.manifest.source.Location;
import java.nio.file.Path;

/**
 * A manifest that cannot be read: malformed YAML, a missing apiVersion or kind, a value of the
 * wrong type, or an unknown value in a field that affects scheduling. The message names the file,
 * line, document and field, e.g. {@code "flink-arm.yaml:42: document 2
 * (Deployment/flink-taskmanager): spec.template.spec.containers[0].resources.requests.cpu: invalid
 * quantity 'abc'"}.
 */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int documentIndex;
  private final int line;
  private final String fieldPath;
  private final String subject;
  private final String problem;

  ManifestException(Location location, String problem, Throwable cause) {
    super(location.format(problem), cause);
    this.file = location.file();
    this.documentIndex = location.documentIndex();
    this.line = location.line();
    this.fieldPath = location.fieldPath();
    this.subject = location.subject();
    this.problem = problem;
  }

  /** The file; null when the problem is the input as a whole (nothing to plan, say). */
  public Path file() {
    return file;
  }

  /** The 1-based index of the document in its file; 0 when the problem is the file itself. */
  public int documentIndex() {
    return documentIndex;
  }

  /** The 1-based line; 0 when unknown. */
  public int line() {
    return line;
  }

  /** The field, e.g. {@code spec.replicas}; empty for the document as a whole. */
  public String fieldPath() {
    return fieldPath;
  }

  /** The object, e.g. {@code Deployment/flink-taskmanager}; empty when unknown. */
  public String subject() {
    return subject;
  }

  public String problem() {
    return problem;
  }
}
