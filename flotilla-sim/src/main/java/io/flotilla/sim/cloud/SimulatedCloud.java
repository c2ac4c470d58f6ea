package io.flotilla.sim.cloud;

import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.catalog.Offering;
import io.flotilla.ports.checkpoint.InterruptionKind;
import io.flotilla.ports.checkpoint.InterruptionWarning;
import io.flotilla.ports.cloud.Cloud;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cloud.LaunchError;
import io.flotilla.ports.cloud.LaunchOutcome;
import io.flotilla.ports.cloud.LaunchRequest;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.sim.event.EventQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * EC2 as the simulation has it: offerings and prices from the catalog, a launch rate limit, Spot
 * capacity per capacity pool that runs out, a boot latency, and Spot reclaims. Reclaims are
 * correlated: each capacity pool with running instances is reclaimed at its Spot Advisor band's
 * monthly rate (the midpoint), and a reclaim takes every instance of the pool at once, after a
 * rebalance recommendation and a two-minute warning.
 */
public final class SimulatedCloud implements Cloud {
  private static final double SECONDS_PER_MONTH = 30 * 24 * 3600.0;

  private final CloudSettings settings;
  private final EventQueue queue;
  private final RandomGenerator random;
  private final Map<OfferingKey, Offering> offerings = new HashMap<>();
  private final Map<String, CloudInstance> running = new TreeMap<>();
  private final Map<String, InstanceUsage> usage = new TreeMap<>();
  private final Map<OfferingKey, Instant> nextReclaim = new HashMap<>();
  // Insertion-ordered, so sums over it come out the same on every JVM.
  private final Map<OfferingKey, Integer> perPool = new LinkedHashMap<>();
  private CloudListener listener;
  private double tokens;
  private Instant tokensAt;
  private long launched;
  private int interrupted;

  public SimulatedCloud(
      Catalog catalog, CloudSettings settings, EventQueue queue, RandomGenerator random) {
    this.settings = settings;
    this.queue = queue;
    this.random = random;
    catalog.offerings().forEach(o -> offerings.put(OfferingKey.of(o), o));
    this.tokens = settings.launchBurst();
    this.tokensAt = queue.now();
  }

  public void listen(CloudListener listener) {
    this.listener = listener;
  }

  /**
   * An instance that runs already when the simulation starts (a cluster dump's node): billed from
   * now, ready at once, reclaimed like any other if it is Spot. Neither the launch rate limit nor
   * the pool's Spot capacity stop it; it does take a place in its pool.
   */
  public CloudInstance adopt(String nodeClaim, OfferingKey key) {
    Offering offering = offerings.get(key);
    if (offering == null) {
      throw new IllegalArgumentException(key + " is not offered");
    }
    CloudInstance instance = start(new LaunchRequest(nodeClaim, key), offering, queue.now());
    reclaimable(key, offering);
    return instance;
  }

  @Override
  public LaunchOutcome launch(LaunchRequest request) {
    Instant now = queue.now();
    refill(now);
    if (tokens < 1) {
      return new LaunchOutcome.Refused(LaunchError.THROTTLED, "RequestLimitExceeded");
    }
    tokens -= 1;
    Offering offering = offerings.get(request.offering());
    if (offering == null) {
      return new LaunchOutcome.Refused(
          LaunchError.INSUFFICIENT_CAPACITY, request.offering() + " is not offered");
    }
    if (offering.capacityType() == CapacityType.SPOT
        && inPool(request.offering()) >= settings.spotCapacityPerPool()) {
      return new LaunchOutcome.Refused(
          LaunchError.INSUFFICIENT_CAPACITY, "InsufficientInstanceCapacity");
    }
    CloudInstance instance = start(request, offering, now);
    queue.after(
        bootLatency(),
        () -> {
          if (running.containsKey(instance.id())) {
            listener.ready(instance);
          }
        });
    // Drawn after the boot latency, as ever: the same seed, the same run.
    reclaimable(request.offering(), offering);
    return new LaunchOutcome.Launched(instance);
  }

  /** The instance runs and is billed from {@code now}. */
  private CloudInstance start(LaunchRequest request, Offering offering, Instant now) {
    CloudInstance instance =
        new CloudInstance(
            String.format("i-%08d", ++launched), request.offering(), request.nodeClaim(), now);
    running.put(instance.id(), instance);
    perPool.merge(instance.offering(), 1, Integer::sum);
    usage.put(instance.id(), new InstanceUsage(instance.id(), offering, now, Optional.empty()));
    return instance;
  }

  /** A Spot instance's pool gets its reclaims drawn, if it has none coming yet. */
  private void reclaimable(OfferingKey key, Offering offering) {
    if (offering.capacityType() == CapacityType.SPOT) {
      scheduleReclaim(key, offering);
    }
  }

  @Override
  public void terminate(String instanceId) {
    end(instanceId, false);
  }

  @Override
  public List<CloudInstance> instances() {
    return List.copyOf(running.values());
  }

  /**
   * What the fault injector does (as the reference's FIS experiment): a rebalance recommendation
   * and a Spot interruption warning now for each of these instances, which end after the notice.
   */
  public void interrupt(List<String> instanceIds, Duration notice) {
    for (String id : instanceIds) {
      CloudInstance instance = running.get(id);
      if (instance != null) {
        warnAndEnd(instance, queue.now(), notice);
      }
    }
  }

  /** Every instance launched so far and its time on the bill. */
  public List<InstanceUsage> usage() {
    return List.copyOf(usage.values());
  }

  public Offering offering(OfferingKey key) {
    return offerings.get(key);
  }

  /** What the running instances cost per hour together. */
  public double costPerHour() {
    double total = 0;
    for (Map.Entry<OfferingKey, Integer> e : perPool.entrySet()) {
      if (e.getValue() > 0) {
        total += e.getValue() * offerings.get(e.getKey()).pricePerHour();
      }
    }
    return total;
  }

  /** Spot interruption warnings given (random reclaims and injected faults), one per instance. */
  public int interrupted() {
    return interrupted;
  }

  private void refill(Instant now) {
    double seconds = Duration.between(tokensAt, now).toNanos() / 1e9;
    tokens = Math.min(settings.launchBurst(), tokens + seconds * settings.launchesPerSecond());
    tokensAt = now;
  }

  private int inPool(OfferingKey key) {
    return perPool.getOrDefault(key, 0);
  }

  private Duration bootLatency() {
    long min = settings.readyMin().toMillis();
    long spread = settings.readyMax().toMillis() - min;
    return Duration.ofMillis(min + (spread == 0 ? 0 : random.nextLong(spread + 1)));
  }

  /** Draws the pool's next reclaim (exponential gaps: reclaims are a Poisson process). */
  private void scheduleReclaim(OfferingKey key, Offering offering) {
    if (nextReclaim.containsKey(key) || offering.band() == null) {
      return;
    }
    double perSecond =
        offering.band().monthlyRateMidpoint() * settings.interruptionScale() / SECONDS_PER_MONTH;
    if (perSecond <= 0) {
      return;
    }
    double gap = -Math.log(1 - random.nextDouble()) / perSecond;
    Instant at = queue.now().plusMillis((long) Math.min(gap * 1000, 1e15));
    nextReclaim.put(key, at);
    queue.at(at, () -> reclaim(key, offering));
  }

  private void reclaim(OfferingKey key, Offering offering) {
    nextReclaim.remove(key);
    List<CloudInstance> victims = new ArrayList<>();
    for (CloudInstance i : running.values()) {
      if (i.offering().equals(key)) {
        victims.add(i);
      }
    }
    if (victims.isEmpty()) {
      return;
    }
    Instant now = queue.now();
    for (CloudInstance victim : victims) {
      listener.warning(
          new InterruptionWarning(
              victim.nodeClaim(),
              InterruptionKind.REBALANCE_RECOMMENDATION,
              now.plus(settings.rebalanceLead()).plus(settings.notice())));
      queue.after(
          settings.rebalanceLead(), () -> warnAndEnd(victim, queue.now(), settings.notice()));
    }
    scheduleReclaim(key, offering);
  }

  private void warnAndEnd(CloudInstance instance, Instant now, Duration notice) {
    if (!running.containsKey(instance.id())) {
      return;
    }
    interrupted++;
    listener.warning(
        new InterruptionWarning(
            instance.nodeClaim(), InterruptionKind.SPOT_INTERRUPTION, now.plus(notice)));
    queue.after(
        notice,
        () -> {
          if (running.containsKey(instance.id())) {
            end(instance.id(), true);
          }
        });
  }

  private void end(String instanceId, boolean reclaim) {
    CloudInstance instance = running.remove(instanceId);
    if (instance == null) {
      return;
    }
    perPool.merge(instance.offering(), -1, Integer::sum);
    InstanceUsage u = usage.get(instanceId);
    usage.put(
        instanceId, new InstanceUsage(u.id(), u.offering(), u.start(), Optional.of(queue.now())));
    listener.terminated(instance, reclaim);
  }
}
