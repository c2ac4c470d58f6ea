package io.flotilla.flink.generator;

import io.flotilla.flink.event.ParsedRecord;
import java.util.Collection;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratingIteratorSourceReader;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The generator as a checkpointed Flink source (Flink's {@link DataGeneratorSource}): the index
 * range is split between readers and each split's position is checkpointed, so a restart replays
 * exactly the events lost. Without a rate limit the reader is used unwrapped: Flink's rate-limited
 * reader yields to the task's mailbox after every record even when it never limits.
 */
public final class GeneratorSource
    implements Source<ParsedRecord, NumberSequenceSplit, Collection<NumberSequenceSplit>>,
        ResultTypeQueryable<ParsedRecord> {

  private static final long serialVersionUID = 1L;
  private final DataGeneratorSource<ParsedRecord> generator;
  private final JsonEventGenerator function;
  private final boolean unlimited;

  private GeneratorSource(JsonEventGenerator function, long events, double ratePerSecond) {
    RateLimiterStrategy<?> limit =
        ratePerSecond == 0
            ? RateLimiterStrategy.noOp()
            : RateLimiterStrategy.perSecond(ratePerSecond);
    this.generator =
        new DataGeneratorSource<>(function, events, limit, TypeInformation.of(ParsedRecord.class));
    this.function = function;
    this.unlimited = ratePerSecond == 0;
  }

  /**
   * @param events how many events in all
   * @param ratePerSecond the total rate limit, 0 for as fast as possible
   */
  public static GeneratorSource of(GeneratorSettings settings, long events, double ratePerSecond) {
    if (events <= 0) {
      throw new IllegalArgumentException("events must be positive, was " + events);
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("rate must not be negative, was " + ratePerSecond);
    }
    return new GeneratorSource(new JsonEventGenerator(settings), events, ratePerSecond);
  }

  @Override
  public Boundedness getBoundedness() {
    return generator.getBoundedness();
  }

  @Override
  public SourceReader<ParsedRecord, NumberSequenceSplit> createReader(SourceReaderContext context)
      throws Exception {
    return unlimited
        ? new GeneratingIteratorSourceReader<>(context, function)
        : generator.createReader(context);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context) {
    return generator.createEnumerator(context);
  }

  @Override
  public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
      SplitEnumeratorContext<NumberSequenceSplit> context,
      Collection<NumberSequenceSplit> checkpoint) {
    return generator.restoreEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
    return generator.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<Collection<NumberSequenceSplit>>
      getEnumeratorCheckpointSerializer() {
    return generator.getEnumeratorCheckpointSerializer();
  }

  @Override
  public TypeInformation<ParsedRecord> getProducedType() {
    return generator.getProducedType();
  }
}
