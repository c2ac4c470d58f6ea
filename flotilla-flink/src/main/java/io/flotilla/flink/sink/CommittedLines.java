package io.flotilla.flink.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Reads the committed output under a directory through Flink's file systems ({@code file://},
 * {@code s3://}): every line of every visible file, skipping hidden files and folders (in-progress
 * part files of killed attempts start with a dot and are never committed).
 */
public final class CommittedLines {

  private CommittedLines() {}

  public static void forEach(String directory, Consumer<String> line) throws IOException {
    Path root = new Path(directory);
    FileSystem fs = root.getFileSystem();
    if (!fs.exists(root)) {
      return;
    }
    visit(fs, root, line);
  }

  public static long count(String directory) throws IOException {
    long[] lines = {0};
    forEach(directory, l -> lines[0]++);
    return lines[0];
  }

  private static void visit(FileSystem fs, Path dir, Consumer<String> line) throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    if (children == null) {
      return;
    }
    for (FileStatus child : children) {
      String name = child.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (child.isDir()) {
        visit(fs, child.getPath(), line);
      } else {
        read(fs, child.getPath(), line);
      }
    }
  }

  private static void read(FileSystem fs, Path file, Consumer<String> line) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        if (!text.isEmpty()) {
          line.accept(text);
        }
      }
    }
  }
}
