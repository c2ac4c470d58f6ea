package io.flotilla.flink.checkpoint;

import io.flotilla.ports.checkpoint.TaskManagerAddress;

/**
 * A TaskManager a job has subtasks on, as Flink's REST API describes it.
 *
 * @param host the host part of the TaskManager's address
 * @param taskManagerId Flink's resource id of the TaskManager
 */
public record JobTaskManager(String host, String taskManagerId) {

  /** True when the located TaskManager is this one: by id when known, else by host. */
  public boolean isAt(TaskManagerAddress address) {
    return address
        .taskManagerId()
        .map(taskManagerId::equals)
        .orElseGet(() -> host.equals(address.host()));
  }
}
