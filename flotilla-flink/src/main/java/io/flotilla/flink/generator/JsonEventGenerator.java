package io.flotilla.flink.generator;

import io.flotilla.flink.event.ParsedRecord;
import io.flotilla.flink.event.TickerEventJson;
import io.flotilla.flink.event.TickerEventParser;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * The generator as Flink's {@link GeneratorFunction}: index to JSON record, then parsed as any
 * other source's records are (generator -> parse, chained in the source task).
 */
public final class JsonEventGenerator implements GeneratorFunction<Long, ParsedRecord> {

  private static final long serialVersionUID = 1L;
  private final TickerEventGenerator generator;
  private transient TickerEventParser parser;
  private transient TickerEventJson json;

  public JsonEventGenerator(GeneratorSettings settings) {
    this.generator = new TickerEventGenerator(settings);
  }

  @Override
  public void open(SourceReaderContext readerContext) {
    parser = new TickerEventParser();
    json = new TickerEventJson();
  }

  @Override
  public ParsedRecord map(Long index) {
    return parser.parse(json.toJson(generator.eventAt(index)));
  }
}
