package io.flotilla.kube.manifest.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Splits a YAML file into its documents (1-based, empty ones included in the count).
 *
 * <p>The parser reads through a window that is copied on every refill while a token is pending, so
 * a window smaller than a line makes that line quadratic (SnakeYAML's 1 KB window took 90 s for a
 * 20 MB line). The window here holds the longest line, and at least {@value #MIN_WINDOW} code
 * points: no token is refilled more than once, and a file of short lines does not pay four bytes
 * per code point for a window as large as itself.
 */
final class YamlDocuments {
  private static final int MIN_WINDOW = 64 * 1024;

  private YamlDocuments() {}

  static List<Document> parse(Path file, String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setBufferSize(window(text))
            .setCodePointLimit(Integer.MAX_VALUE)
            .build();
    Parser events = new ParserImpl(settings, new StreamReader(settings, text));
    List<Document> documents = new ArrayList<>();
    try {
      events.next();
      while (!events.checkEvent(Event.ID.StreamEnd)) {
        events.next();
        documents.add(YamlTree.read(file, documents.size() + 1, events));
        events.next();
      }
      return documents;
    } catch (MarkedYamlEngineException e) {
      throw syntaxError(file, documents.size() + 1, e);
    } catch (ReaderException e) {
      throw new SourceException(
          new Location(file, documents.size() + 1, lineAt(text, e.getPosition()), "", ""),
          "not YAML text: " + e.getMessage(),
          e);
    } catch (YamlEngineException e) {
      throw new SourceException(
          new Location(file, documents.size() + 1, 0, "", ""),
          "YAML syntax error: " + e.getMessage(),
          e);
    }
  }

  /** A window of at least the longest line (plus its break), and no larger than the text. */
  static int window(String text) {
    int longest = 0;
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      longest = Math.max(longest, end - start);
      start = end + 1;
    }
    longest = Math.max(longest, text.length() - start);
    return Math.min(text.length() + 1, Math.max(MIN_WINDOW, longest + 2));
  }

  private static SourceException syntaxError(Path file, int index, MarkedYamlEngineException e) {
    Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
    int line = mark == null ? 0 : mark.getLine() + 1;
    StringBuilder problem = new StringBuilder("YAML syntax error: ");
    if (e.getContext() != null) {
      problem.append(e.getContext()).append(", ");
    }
    problem.append(e.getProblem());
    return new SourceException(new Location(file, index, line, "", ""), problem.toString(), e);
  }

  /** The 1-based line of a code point position (0 when out of range). */
  private static int lineAt(String text, int codePoint) {
    int end;
    try {
      end = text.offsetByCodePoints(0, codePoint);
    } catch (IndexOutOfBoundsException e) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
