package io.flotilla.flink.kinesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Discovers shards (once when bounded, periodically otherwise) and hands each new shard to one
 * reader, spreading shards evenly by their number.
 */
final class ShardEnumerator implements SplitEnumerator<ShardSplit, ShardEnumeratorState> {

  private static final Logger LOG = LoggerFactory.getLogger(ShardEnumerator.class);

  private final SplitEnumeratorContext<ShardSplit> context;
  private final KinesisSettings settings;
  private final KinesisClient kinesis;
  private final Set<String> assigned;
  private final Map<String, ShardSplit> unassigned = new LinkedHashMap<>();
  private boolean discoveredOnce;

  ShardEnumerator(
      SplitEnumeratorContext<ShardSplit> context,
      KinesisSettings settings,
      KinesisClient kinesis,
      ShardEnumeratorState state) {
    this.context = context;
    this.settings = settings;
    this.kinesis = kinesis;
    this.assigned = new HashSet<>(state.assignedShards());
    state.unassigned().forEach(split -> unassigned.put(split.shardId(), split));
  }

  @Override
  public void start() {
    if (settings.bounded()) {
      context.callAsync(this::discover, this::onDiscovered);
    } else {
      long every = settings.discoveryInterval().toMillis();
      context.callAsync(this::discover, this::onDiscovered, 0, every);
    }
  }

  private List<String> discover() {
    return ShardDiscovery.shardIds(kinesis, settings.stream());
  }

  private void onDiscovered(List<String> shards, Throwable error) {
    if (error != null) {
      if (!discoveredOnce) {
        throw new IllegalStateException(
            "cannot list the shards of Kinesis stream '" + settings.stream() + "'", error);
      }
      LOG.warn("Shard discovery of {} failed; will retry", settings.stream(), error);
      return;
    }
    discoveredOnce = true;
    for (String shard : shards) {
      if (!assigned.contains(shard) && !unassigned.containsKey(shard)) {
        LOG.info("Discovered shard {} of {}", shard, settings.stream());
        unassigned.put(shard, ShardSplit.fresh(shard));
      }
    }
    assignPending();
  }

  private void assignPending() {
    int parallelism = context.currentParallelism();
    Map<Integer, List<ShardSplit>> assignment = new HashMap<>();
    for (ShardSplit split : new ArrayList<>(unassigned.values())) {
      int owner = ShardOwners.owner(split.shardId(), parallelism);
      if (context.registeredReaders().containsKey(owner)) {
        assignment.computeIfAbsent(owner, k -> new ArrayList<>()).add(split);
        unassigned.remove(split.shardId());
        assigned.add(split.shardId());
      }
    }
    if (!assignment.isEmpty()) {
      context.assignSplits(new SplitsAssignment<>(assignment));
    }
    if (settings.bounded() && discoveredOnce) {
      for (int reader : context.registeredReaders().keySet()) {
        if (noPendingFor(reader, parallelism)) {
          context.signalNoMoreSplits(reader);
        }
      }
    }
  }

  private boolean noPendingFor(int reader, int parallelism) {
    return unassigned.keySet().stream()
        .noneMatch(shard -> ShardOwners.owner(shard, parallelism) == reader);
  }

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {
    // Splits are pushed on discovery; readers never ask.
  }

  @Override
  public void addSplitsBack(List<ShardSplit> splits, int subtaskId) {
    for (ShardSplit split : splits) {
      assigned.remove(split.shardId());
      unassigned.put(split.shardId(), split);
    }
  }

  @Override
  public void addReader(int subtaskId) {
    assignPending();
  }

  @Override
  public ShardEnumeratorState snapshotState(long checkpointId) {
    return new ShardEnumeratorState(assigned, new ArrayList<>(unassigned.values()));
  }

  @Override
  public void close() {
    kinesis.close();
  }
}
