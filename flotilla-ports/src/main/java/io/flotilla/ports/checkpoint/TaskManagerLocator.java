package io.flotilla.ports.checkpoint;

import java.util.List;

/**
 * Finds the Flink TaskManagers that run on a node. On Kubernetes: the pod IPs of TaskManager pods
 * bound to that node.
 */
public interface TaskManagerLocator {

  List<TaskManagerAddress> taskManagersOn(String nodeName);
}
