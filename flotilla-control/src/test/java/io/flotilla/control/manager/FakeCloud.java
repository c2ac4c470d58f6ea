package io.flotilla.control.manager;

import io.flotilla.ports.cloud.Cloud;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cloud.LaunchError;
import io.flotilla.ports.cloud.LaunchOutcome;
import io.flotilla.ports.cloud.LaunchRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A fake of the cloud port: refuses launches as scripted, otherwise launches at the clock's time.
 */
final class FakeCloud implements Cloud {
  private final Supplier<Instant> clock;
  private final Deque<LaunchError> refusals = new ArrayDeque<>();
  private final Map<String, CloudInstance> running = new LinkedHashMap<>();
  final List<LaunchRequest> launches = new ArrayList<>();
  final List<String> terminated = new ArrayList<>();
  private int launched;

  FakeCloud(Supplier<Instant> clock) {
    this.clock = clock;
  }

  FakeCloud refuse(LaunchError... errors) {
    refusals.addAll(List.of(errors));
    return this;
  }

  /** An instance running without any NodeClaim (a launch whose claim was never made). */
  void run(CloudInstance instance) {
    running.put(instance.id(), instance);
  }

  @Override
  public LaunchOutcome launch(LaunchRequest request) {
    launches.add(request);
    LaunchError error = refusals.poll();
    if (error != null) {
      return new LaunchOutcome.Refused(error, "scripted");
    }
    CloudInstance instance =
        new CloudInstance(
            "i-new-" + (++launched), request.offering(), request.nodeClaim(), clock.get());
    running.put(instance.id(), instance);
    return new LaunchOutcome.Launched(instance);
  }

  @Override
  public void terminate(String instanceId) {
    if (running.remove(instanceId) != null) {
      terminated.add(instanceId);
    }
  }

  @Override
  public List<CloudInstance> instances() {
    return List.copyOf(running.values());
  }
}
