package io.flotilla.cli.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures beside the checkout (found by walking up from the working directory). */
public final class Shared {
  private Shared() {}

  public static Path fixtures() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/fixtures not found above " + Path.of("").toAbsolutePath());
  }

  public static Path seed(String file) {
    return fixtures().resolve("seed-architecture").resolve(file);
  }

  public static Path karpenter(String dir) {
    return fixtures().resolve("karpenter-examples").resolve(dir);
  }
}
