package io.flotilla.kube.manifest.source;

import java.nio.file.Path;

/**
 * Where a problem is: the file (null: the input as a whole), the 1-based document index (0: the
 * file as a whole), the 1-based line (0: unknown), the field path (empty: the document as a whole)
 * and the object, e.g. "Deployment/flink-taskmanager" (empty when unknown).
 */
public record Location(Path file, int documentIndex, int line, String fieldPath, String subject) {

  public static Location ofFile(Path file) {
    return new Location(file, 0, 0, "", "");
  }

  /** The input as a whole, not one file of it. */
  public static Location ofInput() {
    return ofFile(null);
  }

  /** The message prefix, e.g. {@code "flink.yaml:42: document 2 (Deployment/tm): spec.x: "}. */
  public String prefix() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    if (documentIndex > 0) {
      sb.append("document ").append(documentIndex);
      if (!subject.isEmpty()) {
        sb.append(" (").append(subject).append(')');
      }
      sb.append(": ");
    }
    if (!fieldPath.isEmpty()) {
      sb.append(fieldPath).append(": ");
    }
    return sb.toString();
  }

  public String format(String message) {
    return prefix() + message;
  }
}
