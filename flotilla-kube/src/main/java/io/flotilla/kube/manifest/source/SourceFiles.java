package io.flotilla.kube.manifest.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files to read: named files as given, directories walked recursively for *.yaml, *.yml and
 * *.json in sorted order of their relative paths.
 */
public final class SourceFiles {
  private SourceFiles() {}

  public static List<Path> expand(List<Path> inputs) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        files.addAll(walk(input));
      } else if (Files.isRegularFile(input)) {
        files.add(input);
      } else {
        throw new SourceException(Location.ofFile(input), "no such file or directory", null);
      }
    }
    return new ArrayList<>(files);
  }

  /** The documents of one file, JSON for *.json and YAML otherwise. */
  public static List<Document> documents(Path file) {
    String text = read(file);
    return lowerName(file).endsWith(".json")
        ? JsonDocuments.parse(file, text)
        : YamlDocuments.parse(file, text);
  }

  private static List<Path> walk(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(SourceFiles::isManifest)
          .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
          .toList();
    } catch (IOException e) {
      throw new SourceException(Location.ofFile(dir), "cannot list: " + e.getMessage(), e);
    }
  }

  private static boolean isManifest(Path p) {
    String name = lowerName(p);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static String lowerName(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT);
  }

  private static String read(Path file) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new SourceException(Location.ofFile(file), "not UTF-8 text", e);
    } catch (IOException e) {
      throw new SourceException(Location.ofFile(file), "cannot read: " + e.getMessage(), e);
    }
  }
}
