package io.flotilla.kube.manifest.source;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Splits a YAML file into its documents (1-based, empty ones included in the count). */
final class YamlDocuments {
  private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

  private YamlDocuments() {}

  static List<Document> parse(Path file, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    Iterator<Node> nodes = new Yaml(options).composeAll(new StringReader(text)).iterator();
    List<Document> documents = new ArrayList<>();
    int index = 0;
    while (true) {
      Node node;
      try {
        if (!nodes.hasNext()) {
          return documents;
        }
        node = nodes.next();
      } catch (MarkedYAMLException e) {
        throw syntaxError(file, index + 1, e);
      } catch (YAMLException e) {
        throw new SourceException(
            new Location(file, index + 1, 0, "", ""), "YAML syntax error: " + e.getMessage(), e);
      }
      index++;
      documents.add(toDocument(file, index, node));
    }
  }

  private static Document toDocument(Path file, int index, Node node) {
    try {
      return YamlTree.toDocument(file, index, node);
    } catch (FieldError e) {
      int line = node.getStartMark().getLine() + 1;
      throw new SourceException(
          new Location(file, index, line, e.path().toString(), ""), e.problem(), e);
    }
  }

  private static SourceException syntaxError(Path file, int index, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? 0 : mark.getLine() + 1;
    StringBuilder problem = new StringBuilder("YAML syntax error: ");
    if (e.getContext() != null) {
      problem.append(e.getContext()).append(", ");
    }
    problem.append(e.getProblem());
    return new SourceException(new Location(file, index, line, "", ""), problem.toString(), e);
  }
}
