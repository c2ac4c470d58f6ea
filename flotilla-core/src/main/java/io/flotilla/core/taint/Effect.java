package io.flotilla.core.taint;

/** Taint effects, spelled as in the Kubernetes API. */
public enum Effect {
  NO_SCHEDULE("NoSchedule"),
  PREFER_NO_SCHEDULE("PreferNoSchedule"),
  NO_EXECUTE("NoExecute");

  private final String apiName;

  Effect(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** Hard effects keep intolerant pods off the node; PreferNoSchedule only discourages them. */
  public boolean blocksScheduling() {
    return this != PREFER_NO_SCHEDULE;
  }

  public static Effect parse(String text) {
    for (Effect e : values()) {
      if (e.apiName.equals(text)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown taint effect '" + text + "' (expected NoSchedule, PreferNoSchedule or NoExecute)");
  }
}
