package io.flotilla.flink.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Text lines as a bulk format: records are buffered (64 KiB) and written in blocks instead of one
 * write per record, and the buffer is flushed whenever Flink persists the part file (on every
 * checkpoint), so exactly-once is unchanged.
 */
public final class LineFormat<T> implements BulkWriter.Factory<T> {

  private static final long serialVersionUID = 1L;
  private static final int BUFFER = 64 * 1024;
  private final SerializableFunction<T, String> line;

  public LineFormat(SerializableFunction<T, String> line) {
    this.line = line;
  }

  @Override
  public BulkWriter<T> create(FSDataOutputStream stream) {
    return new Writer<>(new BufferedOutputStream(stream, BUFFER), line);
  }

  private static final class Writer<T> implements BulkWriter<T> {
    private final BufferedOutputStream out;
    private final SerializableFunction<T, String> line;

    Writer(BufferedOutputStream out, SerializableFunction<T, String> line) {
      this.out = out;
      this.line = line;
    }

    @Override
    public void addElement(T element) throws IOException {
      out.write(line.apply(element).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void finish() throws IOException {
      out.flush();
    }
  }
}
