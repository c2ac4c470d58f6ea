package io.flotilla.kube.manifest.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The path to the value being parsed, as a chain to its parent: one small object per step, turned
 * into a {@link FieldPath} only when a problem needs naming.
 */
record Trail(Trail parent, Object segment) {
  static final Trail ROOT = new Trail(null, null);

  Trail child(String name) {
    return new Trail(this, name);
  }

  Trail index(int i) {
    return new Trail(this, i);
  }

  FieldPath toPath() {
    Deque<Object> segments = new ArrayDeque<>();
    for (Trail t = this; t.parent != null; t = t.parent) {
      segments.push(t.segment);
    }
    return new FieldPath(List.copyOf(segments));
  }
}
