package io.flotilla.flink.generator;

/** Somewhere generated records go: a Kafka topic, a Kinesis stream. */
public interface EventWriter extends AutoCloseable {

  /** Queues one record; it may be sent later in a batch. */
  void send(String partitionKey, String json);

  /** Sends everything queued and waits until the stream has acknowledged it. */
  void flush();

  @Override
  void close();
}
