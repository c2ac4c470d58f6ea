package io.flotilla.core.taint;

import java.util.List;

/**
 * A pod toleration. An empty key with Exists tolerates everything; a null effect matches every
 * effect.
 */
public record Toleration(String key, boolean exists, String value, Effect effect) {
  public Toleration {
    key = key == null ? "" : key;
    value = value == null ? "" : value;
    if (key.isEmpty() && !exists) {
      throw new IllegalArgumentException("a toleration without a key must use operator Exists");
    }
  }

  public static Toleration equal(String key, String value, Effect effect) {
    return new Toleration(key, false, value, effect);
  }

  public boolean tolerates(Taint taint) {
    if (effect != null && effect != taint.effect()) {
      return false;
    }
    if (key.isEmpty()) {
      return true;
    }
    if (!key.equals(taint.key())) {
      return false;
    }
    return exists || value.equals(taint.value());
  }

  /** The first hard taint none of the tolerations tolerate, or null when the pod may land. */
  public static Taint firstUntolerated(List<Toleration> tolerations, List<Taint> taints) {
    for (Taint taint : taints) {
      if (!taint.effect().blocksScheduling()) {
        continue;
      }
      if (tolerations.stream().noneMatch(t -> t.tolerates(taint))) {
        return taint;
      }
    }
    return null;
  }

  /** How many soft (PreferNoSchedule) taints the pod does not tolerate: a placement penalty. */
  public static int untoleratedSoftTaints(List<Toleration> tolerations, List<Taint> taints) {
    int n = 0;
    for (Taint taint : taints) {
      if (!taint.effect().blocksScheduling()
          && tolerations.stream().noneMatch(t -> t.tolerates(taint))) {
        n++;
      }
    }
    return n;
  }
}
