package io.flotilla.flink.source;

import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.event.TickerEventParser;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Bytes from a stream to a parsed record; a bad record becomes a dead letter, never an error. */
public final class ParsingDeserializer implements DeserializationSchema<ParsedRecord> {

  private static final long serialVersionUID = 1L;
  private transient TickerEventParser parser;

  @Override
  public void open(InitializationContext context) {
    parser = new TickerEventParser();
  }

  @Override
  public ParsedRecord deserialize(byte[] message) {
    if (parser == null) {
      parser = new TickerEventParser();
    }
    return parser.parse(message == null ? "" : new String(message, StandardCharsets.UTF_8));
  }

  @Override
  public boolean isEndOfStream(ParsedRecord next) {
    return false;
  }

  @Override
  public TypeInformation<ParsedRecord> getProducedType() {
    return TypeInformation.of(ParsedRecord.class);
  }
}
