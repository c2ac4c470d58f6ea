package io.flotilla.ports.checkpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a Flink TaskManager runs.
 *
 * @param host the TaskManager's host address (on Kubernetes, the pod IP)
 * @param taskManagerId Flink's resource id of the TaskManager, when known; it identifies a
 *     TaskManager more precisely than the host (several TaskManagers may share one host)
 */
public record TaskManagerAddress(String host, Optional<String> taskManagerId) {

  public TaskManagerAddress {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(taskManagerId, "taskManagerId");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
  }

  public static TaskManagerAddress ofHost(String host) {
    return new TaskManagerAddress(host, Optional.empty());
  }

  public static TaskManagerAddress ofTaskManager(String host, String taskManagerId) {
    return new TaskManagerAddress(host, Optional.of(taskManagerId));
  }
}
