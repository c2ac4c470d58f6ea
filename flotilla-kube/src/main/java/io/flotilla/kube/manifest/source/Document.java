package io.flotilla.kube.manifest.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One object read from a file: its parsed tree, where it came from (the file, the 1-based document
 * index, and {@code base}, the path of the object inside the document: empty, or {@code items[3]}
 * for an item of a List) and the line of every field.
 */
public record Document(Path file, int index, FieldPath base, JsonNode root, LineIndex lines) {

  /** Whether the document holds nothing (an empty document, or only comments). */
  public boolean isEmpty() {
    return root == null || root.isNull() || root.isMissingNode();
  }

  public String apiVersion() {
    return text(root.path("apiVersion"));
  }

  public String kind() {
    return text(root.path("kind"));
  }

  /** The API group: "" for the core group ("v1"), "apps" for "apps/v1". */
  public String group() {
    String v = apiVersion();
    int slash = v.indexOf('/');
    return slash < 0 ? "" : v.substring(0, slash);
  }

  /** The version part of apiVersion: "v1" for "apps/v1". */
  public String version() {
    String v = apiVersion();
    return v.substring(v.indexOf('/') + 1);
  }

  public String name() {
    JsonNode meta = root.path("metadata");
    String name = text(meta.path("name"));
    return name.isEmpty() ? text(meta.path("generateName")) : name;
  }

  /** "Kind/name" as far as known, for messages. */
  public String subject() {
    String kind = kind();
    String name = name();
    return kind.isEmpty() ? name : name.isEmpty() ? kind : kind + "/" + name;
  }

  /** An item of this List document, as a document of its own. */
  public Document item(int i) {
    return new Document(
        file, index, base.child("items").index(i), root.path("items").get(i), lines);
  }

  public Location location(FieldPath relative) {
    FieldPath full = base.resolve(relative);
    return new Location(file, index, lines.lineOf(full), full.toString(), subject());
  }

  public SourceException fail(FieldPath relative, String problem) {
    return new SourceException(location(relative), problem, null);
  }

  /** Runs a conversion of this document, locating any FieldError it throws. */
  public <T> T within(Supplier<T> body) {
    try {
      return body.get();
    } catch (FieldError e) {
      throw new SourceException(location(e.path()), e.problem(), e);
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() ? node.asText() : "";
  }
}
