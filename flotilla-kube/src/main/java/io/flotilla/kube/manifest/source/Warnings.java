package io.flotilla.kube.manifest.source;

/** Receives the odd things found while converting one object; the path is relative to it. */
@FunctionalInterface
public interface Warnings {
  void warn(FieldPath path, String message);
}
