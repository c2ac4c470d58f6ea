package io.flotilla.control.provisioning;

import io.flotilla.ports.cloud.Cloud;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cloud.LaunchError;
import io.flotilla.ports.cloud.LaunchOutcome;
import io.flotilla.ports.cloud.LaunchRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fake of the cloud port: refuses launches as scripted, otherwise launches. */
final class ScriptedCloud implements Cloud {
  private final Clock clock;
  private final Deque<LaunchError> refusals = new ArrayDeque<>();
  private final Map<String, CloudInstance> running = new LinkedHashMap<>();
  final List<LaunchRequest> calls = new ArrayList<>();

  ScriptedCloud(Clock clock) {
    this.clock = clock;
  }

  /** The next launches are refused with these errors, in order. */
  ScriptedCloud refuse(LaunchError... errors) {
    refusals.addAll(List.of(errors));
    return this;
  }

  @Override
  public LaunchOutcome launch(LaunchRequest request) {
    calls.add(request);
    LaunchError error = refusals.poll();
    if (error != null) {
      return new LaunchOutcome.Refused(error, "scripted");
    }
    CloudInstance instance =
        new CloudInstance(
            "i-" + (running.size() + 1), request.offering(), request.nodeClaim(), clock.instant());
    running.put(instance.id(), instance);
    return new LaunchOutcome.Launched(instance);
  }

  @Override
  public void terminate(String instanceId) {
    running.remove(instanceId);
  }

  @Override
  public List<CloudInstance> instances() {
    return List.copyOf(running.values());
  }
}
