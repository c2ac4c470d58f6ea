package io.flotilla.flink.sink;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
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

  private static final int LISTING_ATTEMPTS = 10;

  private CommittedLines() {}

  public static void forEach(String directory, Consumer<String> line) throws IOException {
    Path root = new Path(directory);
    forEach(root.getFileSystem(), root, line);
  }

  static void forEach(FileSystem fs, Path root, Consumer<String> line) throws IOException {
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
    FileStatus[] children = list(fs, dir);
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

  /**
   * Lists a directory a running job may be writing to. Flink's local file system stats each child
   * after listing the names, so an in-progress part file renamed on commit in between fails the
   * listing; the next listing sees the committed name.
   */
  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return fs.listStatus(dir);
      } catch (FileNotFoundException e) {
        if (attempt == LISTING_ATTEMPTS || !fs.exists(dir)) {
          throw e;
        }
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
