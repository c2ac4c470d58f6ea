package io.flotilla.core.catalog;

import io.flotilla.core.resource.ResourceNames;

/** The accelerators of an instance type; count 0 means none. */
public record Gpu(int count, String name, String manufacturer, long memoryMiB) {
  public static final Gpu NONE = new Gpu(0, null, null, 0);

  /** The extended resource the device plugin advertises for these GPUs, or null. */
  public String resourceName() {
    if (count == 0 || manufacturer == null) {
      return null;
    }
    return switch (manufacturer) {
      case "nvidia" -> ResourceNames.NVIDIA_GPU;
      case "amd" -> ResourceNames.AMD_GPU;
      default -> null;
    };
  }
}
