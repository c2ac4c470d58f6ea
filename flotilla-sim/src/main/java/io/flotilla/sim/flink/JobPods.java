package io.flotilla.sim.flink;

import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Flink job's pods as the cluster reports them: its running TaskManagers and their nodes, those
 * the job last (re)started with (losing one of them is a failure; the others only add slots), and
 * its running JobManagers. Kept apart so that {@link FlinkJob} reads as the job's life, not as pod
 * bookkeeping.
 */
final class JobPods {
  private final FlinkJobSpec spec;
  private final Map<PodId, String> taskManagers = new TreeMap<>();
  private final Set<PodId> inJob = new HashSet<>();
  private final Set<PodId> jobManagers = new HashSet<>();

  JobPods(FlinkJobSpec spec) {
    this.spec = spec;
  }

  boolean isTaskManager(Pod pod) {
    return pod.owner().equals(spec.taskManagers()) && pod.id().namespace().equals(spec.namespace());
  }

  boolean isJobManager(Pod pod) {
    return pod.owner().equals(spec.jobManager()) && pod.id().namespace().equals(spec.namespace());
  }

  /** Whether the pod is one of the job's running TaskManagers. */
  boolean isRunningTaskManager(Pod pod) {
    return isTaskManager(pod) && taskManagers.containsKey(pod.id());
  }

  /** Whether the pod is one of the job's running JobManagers. */
  boolean isRunningJobManager(Pod pod) {
    return isJobManager(pod) && jobManagers.contains(pod.id());
  }

  void taskManagerBound(Pod pod) {
    taskManagers.put(pod.id(), pod.nodeName());
  }

  void jobManagerBound(Pod pod) {
    jobManagers.add(pod.id());
  }

  /** The TaskManager stopped; returns whether the job ran on it. */
  boolean taskManagerGone(PodId id) {
    taskManagers.remove(id);
    return inJob.remove(id);
  }

  void jobManagerGone(PodId id) {
    jobManagers.remove(id);
  }

  boolean hasJobManager() {
    return !jobManagers.isEmpty();
  }

  /** The job (re)starts on every running TaskManager. */
  void startOnAll() {
    inJob.clear();
    inJob.addAll(taskManagers.keySet());
  }

  /** The slots of the running TaskManagers. */
  int slots() {
    return taskManagers.size() * spec.slotsPerTaskManager();
  }

  int runningTaskManagers() {
    return taskManagers.size();
  }

  /** Whether one of the running TaskManagers is on the node. */
  boolean anyOn(String node) {
    return taskManagers.containsValue(node);
  }
}
