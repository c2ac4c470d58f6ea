package io.flotilla.kube.manifest;

import io.flotilla.kube.manifest.source.Diagnostics;
import io.flotilla.kube.manifest.source.Document;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects by identity where a later definition replaces an earlier one, as {@code kubectl apply} of
 * the files in order would leave the cluster; each replacement is a warning.
 */
final class LastWins<T> {
  private record Entry<T>(Document doc, T value) {}

  private final Map<String, Entry<T>> byKey = new LinkedHashMap<>();
  private final Diagnostics diag;

  LastWins(Diagnostics diag) {
    this.diag = diag;
  }

  void put(String key, String what, Document doc, T value) {
    Entry<T> previous = byKey.put(key, new Entry<>(doc, value));
    if (previous != null) {
      Location there = previous.doc().location(FieldPath.ROOT);
      diag.forDocument(doc)
          .warn(
              FieldPath.ROOT,
              what
                  + " is also defined in "
                  + there.file()
                  + " (document "
                  + there.documentIndex()
                  + "); this definition replaces it");
    }
  }

  T get(String key) {
    Entry<T> e = byKey.get(key);
    return e == null ? null : e.value();
  }

  List<T> values() {
    List<T> result = new ArrayList<>();
    byKey.values().forEach(e -> result.add(e.value()));
    return result;
  }
}
