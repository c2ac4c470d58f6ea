package io.flotilla.kube.manifest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files to read: named files as given, directories walked recursively for *.yaml, *.yml and
 * *.json in sorted order of their relative paths, and {@code -} for standard input (named {@code
 * <stdin>} in messages, read once however often it is given, JSON when it starts with '{' or '['
 * and YAML otherwise, as kubectl decides). A directory without manifest files is an error.
 */
public final class SourceFiles {
  /** How standard input is named in messages. */
  public static final Path STDIN = Path.of("<stdin>");

  private static final Path DASH = Path.of("-");

  private final InputStream stdin;

  public SourceFiles(InputStream stdin) {
    this.stdin = stdin;
  }

  /** One file to read, and whether it was named on the command line (not found in a directory). */
  public record Input(Path path, boolean named) {}

  /** The inputs in order, each once (so standard input is read once however often given). */
  public List<Input> expand(List<Path> inputs) {
    Map<Path, Input> files = new LinkedHashMap<>();
    for (Path input : inputs) {
      if (input.equals(DASH)) {
        files.put(STDIN, new Input(STDIN, true));
      } else if (Files.isDirectory(input)) {
        List<Path> found = walk(input);
        if (found.isEmpty()) {
          throw new SourceException(
              Location.ofFile(input), "the directory holds no *.yaml, *.yml or *.json file", null);
        }
        found.forEach(f -> files.putIfAbsent(f, new Input(f, false)));
      } else if (Files.isRegularFile(input)) {
        files.put(input, new Input(input, true));
      } else {
        throw new SourceException(Location.ofFile(input), "no such file or directory", null);
      }
    }
    return new ArrayList<>(files.values());
  }

  /**
   * The documents of one input (standard input is read to its end), JSON for *.json and YAML
   * otherwise.
   */
  public List<Document> documents(Input input) {
    Path file = input.path();
    String text = file.equals(STDIN) ? stdinText() : decode(file, readFile(file));
    boolean json = file.equals(STDIN) ? startsLikeJson(text) : lowerName(file).endsWith(".json");
    return json ? JsonDocuments.parse(file, text) : YamlDocuments.parse(file, text);
  }

  private String stdinText() {
    try {
      return decode(STDIN, stdin.readAllBytes());
    } catch (IOException e) {
      throw new SourceException(Location.ofFile(STDIN), "cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean startsLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
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

  private static byte[] readFile(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SourceException(Location.ofFile(file), "cannot read: " + e.getMessage(), e);
    }
  }

  private static String decode(Path file, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new SourceException(Location.ofFile(file), "not UTF-8 text", e);
    }
  }
}
