package io.flotilla.kube.manifest.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Splits a YAML file into its documents (1-based, empty ones included in the count). The whole text
 * is the parser's one read window: the text is in memory anyway, and a smaller window is copied on
 * every refill while a long token (a 20 MB one-line value) is pending, which is quadratic.
 */
final class YamlDocuments {
  private YamlDocuments() {}

  static List<Document> parse(Path file, String text) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.toString())
            .setBufferSize(text.length() + 1)
            .setCodePointLimit(Integer.MAX_VALUE)
            .setSchema(new CoreSchema())
            .build();
    Composer nodes =
        new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    List<Document> documents = new ArrayList<>();
    int index = 0;
    while (true) {
      Node node;
      try {
        if (!nodes.hasNext()) {
          return documents;
        }
        node = nodes.next();
      } catch (MarkedYamlEngineException e) {
        throw syntaxError(file, index + 1, e);
      } catch (ReaderException e) {
        throw new SourceException(
            new Location(file, index + 1, lineAt(text, e.getPosition()), "", ""),
            "not YAML text: " + e.getMessage(),
            e);
      } catch (YamlEngineException e) {
        throw new SourceException(
            new Location(file, index + 1, 0, "", ""), "YAML syntax error: " + e.getMessage(), e);
      }
      index++;
      documents.add(YamlTree.toDocument(file, index, node));
    }
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
