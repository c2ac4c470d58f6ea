package io.flotilla.kube.manifest.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source line (1-based) of a value and of every field and list item below it, shaped like the
 * document, so that a problem found after parsing can point at the line the user wrote. A tree
 * rather than a map of path strings: building it costs one small object per value, not a string per
 * path, which matters for a ConfigMap with hundreds of thousands of keys.
 */
public final class LineIndex {
  private final int line;
  private Map<String, LineIndex> fields;
  private List<LineIndex> items;

  LineIndex(int line) {
    this.line = line;
  }

  /** Records the field {@code name} at {@code line} (a later one replaces an earlier one). */
  LineIndex field(String name, int line) {
    LineIndex child = new LineIndex(line);
    if (fields == null) {
      fields = new HashMap<>();
    }
    fields.put(name, child);
    return child;
  }

  /** Records the next list item at {@code line}. */
  LineIndex item(int line) {
    LineIndex child = new LineIndex(line);
    if (items == null) {
      items = new ArrayList<>();
    }
    items.add(child);
    return child;
  }

  /** Takes field {@code name} of a merged mapping ({@code <<}) with its lines. */
  void takeField(String name, LineIndex merged) {
    LineIndex child = merged.fields == null ? null : merged.fields.get(name);
    if (child != null) {
      if (fields == null) {
        fields = new HashMap<>();
      }
      fields.put(name, child);
    }
  }

  /** Shares the fields and items of an anchored value, for an alias of it. */
  void share(LineIndex anchored) {
    fields = anchored.fields;
    items = anchored.items;
  }

  /** The line of the path, or of its nearest ancestor that has one; 0 when nothing is known. */
  public int lineOf(FieldPath path) {
    LineIndex at = this;
    for (Object segment : path.segments()) {
      LineIndex next = at.child(segment);
      if (next == null) {
        break;
      }
      at = next;
    }
    return at.line;
  }

  private LineIndex child(Object segment) {
    if (segment instanceof Integer i) {
      return items != null && i >= 0 && i < items.size() ? items.get(i) : null;
    }
    return fields == null ? null : fields.get((String) segment);
  }
}
