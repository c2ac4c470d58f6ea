package io.flotilla.kube.manifest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared fixtures (found by walking up from the working directory) and temp-file helpers. */
final class Fixtures {
  private Fixtures() {}

  /** A pod to add to inputs that would otherwise have nothing to plan (which is an error). */
  static final String A_POD =
      "apiVersion: v1\nkind: Pod\nmetadata: {name: some-pod}\n"
          + "spec: {containers: [{name: a, image: x}]}\n";

  static Path root() {
    String configured = System.getProperty("flotilla.fixtures");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared").resolve("fixtures");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/fixtures not found above " + Path.of("").toAbsolutePath());
  }

  static Path seedDir() {
    return root().resolve("seed-architecture");
  }

  static Path seed(String file) {
    return root().resolve("seed-architecture").resolve(file);
  }

  static Path karpenter(String relative) {
    return root().resolve("karpenter-examples").resolve(relative);
  }

  static List<Path> filesUnder(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Manifests read(ReadOptions options, Path... paths) throws ManifestException {
    return new ManifestReader(options).read(List.of(paths));
  }

  static Manifests read(Path... paths) throws ManifestException {
    return read(ReadOptions.defaults(), paths);
  }

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads YAML text written to {@code dir/name}. */
  static Manifests readText(Path dir, String name, String text) throws ManifestException {
    return read(write(dir, name, text));
  }
}
