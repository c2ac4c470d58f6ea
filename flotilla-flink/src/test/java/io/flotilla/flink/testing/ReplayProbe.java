package io.flotilla.flink.testing;

import io.flotilla.flink.event.ParsedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts the records each attempt of each subtask processes, in a file per attempt, so a test can
 * see how much input was replayed after a failure: the sum over all files minus the events.
 */
public final class ReplayProbe extends RichMapFunction<ParsedRecord, ParsedRecord> {

  private static final long serialVersionUID = 1L;
  private static final int EVERY = 50;
  private final String directory;
  private transient Path file;
  private transient long count;

  public ReplayProbe(Path directory) {
    this.directory = directory.toString();
  }

  @Override
  public void open(OpenContext context) {
    var task = getRuntimeContext().getTaskInfo();
    file =
        Path.of(
            directory,
            "subtask-" + task.getIndexOfThisSubtask() + "-attempt-" + task.getAttemptNumber());
  }

  @Override
  public ParsedRecord map(ParsedRecord record) throws IOException {
    if (++count % EVERY == 0) {
      Files.writeString(file, Long.toString(count));
    }
    return record;
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      Files.writeString(file, Long.toString(count));
    }
  }

  /** Records processed so far, all attempts together (each file to within {@value #EVERY}). */
  public static long processed(Path directory) throws IOException {
    long total = 0;
    try (var files = Files.list(directory)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f).trim();
        total += text.isEmpty() ? 0 : Long.parseLong(text);
      }
    }
    return total;
  }
}
