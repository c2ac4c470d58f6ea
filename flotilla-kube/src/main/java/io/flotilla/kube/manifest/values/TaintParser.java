package io.flotilla.kube.manifest.values;

import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.ArrayList;
import java.util.List;

/** Node and node-pool taints: a key and a known effect are required. */
public final class TaintParser {
  private TaintParser() {}

  public static Taint parse(FieldPath at, String key, String value, String effect) {
    if (key == null || key.isBlank()) {
      throw new FieldError(at.child("key"), "missing");
    }
    if (effect == null || effect.isBlank()) {
      throw new FieldError(
          at.child("effect"), "missing (expected NoSchedule, PreferNoSchedule or NoExecute)");
    }
    Effect e = FieldError.guard(at.child("effect"), () -> Effect.parse(effect));
    return new Taint(key, value, e);
  }

  public static List<Taint> parseAll(FieldPath at, List<io.fabric8.kubernetes.api.model.Taint> ts) {
    List<Taint> taints = new ArrayList<>();
    if (ts != null) {
      for (int i = 0; i < ts.size(); i++) {
        io.fabric8.kubernetes.api.model.Taint t = ts.get(i);
        if (t == null) {
          throw new FieldError(at.index(i), "empty taint");
        }
        taints.add(parse(at.index(i), t.getKey(), t.getValue(), t.getEffect()));
      }
    }
    return taints;
  }
}
