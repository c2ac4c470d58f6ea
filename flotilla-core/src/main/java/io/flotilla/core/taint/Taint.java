package io.flotilla.core.taint;

import java.util.Objects;

/** A node taint: key, optional value, effect. */
public record Taint(String key, String value, Effect effect) {
  public Taint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(effect, "effect");
    value = value == null ? "" : value;
  }

  @Override
  public String toString() {
    return key + (value.isEmpty() ? "" : "=" + value) + ":" + effect.apiName();
  }
}
