package io.flotilla.kube.manifest.source;

import java.util.HashMap;
import java.util.Map;

/**
 * The source line (1-based) of every field and list item of one document, keyed by JSON pointer, so
 * that a problem found after parsing can point at the line the user wrote.
 */
public final class LineIndex {
  private final Map<String, Integer> lines = new HashMap<>();

  void record(FieldPath path, int line) {
    lines.putIfAbsent(path.pointer(), line);
  }

  void overwrite(FieldPath path, int line) {
    lines.put(path.pointer(), line);
  }

  /** The line of the path, or of its nearest ancestor that has one; 0 when nothing is known. */
  public int lineOf(FieldPath path) {
    FieldPath p = path;
    while (true) {
      Integer line = lines.get(p.pointer());
      if (line != null) {
        return line;
      }
      if (p.isRoot()) {
        return 0;
      }
      p = p.parent();
    }
  }
}
