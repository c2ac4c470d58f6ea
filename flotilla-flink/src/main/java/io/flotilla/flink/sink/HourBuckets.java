package io.flotilla.flink.sink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Buckets records by the UTC hour of an event-time instant taken from each record, with a pattern
 * such as the reference's {@code yyyy-MM-dd--HH} or {@code 'dt='yyyy-MM-dd/'hr='HH}. Unlike Flink's
 * processing-time {@code DateTimeBucketAssigner}, the same input always lands in the same buckets.
 */
public final class HourBuckets<T> implements BucketAssigner<T, String> {

  /** The reference file sink's bucket pattern. */
  public static final String REFERENCE_PATTERN = "yyyy-MM-dd--HH";

  /** Hive-style partitions. */
  public static final String PARTITION_PATTERN = "'dt='yyyy-MM-dd/'hr='HH";

  private static final long serialVersionUID = 1L;
  private static final long HOUR_MILLIS = 3_600_000L;
  private final String pattern;
  private final SerializableFunction<T, Long> eventTimeMillis;
  private transient DateTimeFormatter formatter;
  private transient long cachedHour = Long.MIN_VALUE;
  private transient String cachedBucket;

  public HourBuckets(String pattern, SerializableFunction<T, Long> eventTimeMillis) {
    this.pattern = pattern;
    this.eventTimeMillis = eventTimeMillis;
    DateTimeFormatter.ofPattern(pattern);
  }

  @Override
  public String getBucketId(T element, Context context) {
    long millis = eventTimeMillis.apply(element);
    long hour = Math.floorDiv(millis, HOUR_MILLIS);
    if (hour != cachedHour || cachedBucket == null) {
      if (formatter == null) {
        formatter = DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC);
      }
      cachedBucket = formatter.format(Instant.ofEpochMilli(hour * HOUR_MILLIS));
      cachedHour = hour;
    }
    return cachedBucket;
  }

  @Override
  public SimpleVersionedSerializer<String> getSerializer() {
    return SimpleVersionedStringSerializer.INSTANCE;
  }
}
