package io.flotilla.flink.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.plugin.PluginManager;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.FlinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Flink cluster (Flink's MiniCluster) with a REST endpoint on loopback, whose
 * TaskManagers can be killed and replaced as Spot capacity would be.
 */
public final class EmbeddedFlink implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlink.class);

  private final MiniCluster cluster;
  private final Deque<Integer> liveTaskManagers = new ArrayDeque<>();
  private int taskManagersStarted;

  private EmbeddedFlink(MiniCluster cluster, int taskManagers) {
    this.cluster = cluster;
    for (int i = 0; i < taskManagers; i++) {
      liveTaskManagers.addLast(i);
    }
    this.taskManagersStarted = taskManagers;
  }

  /**
   * Starts a cluster.
   *
   * @param configuration Flink settings (checkpointing, state backend, restarts ...)
   * @param pluginManager the plugins (the S3 filesystem) the cluster may load
   */
  public static EmbeddedFlink start(
      Configuration configuration,
      int taskManagers,
      int slotsPerTaskManager,
      PluginManager pluginManager)
      throws Exception {
    if (taskManagers < 1 || slotsPerTaskManager < 1) {
      throw new IllegalArgumentException(
          "taskManagers and slotsPerTaskManager must be positive, were "
              + taskManagers
              + " and "
              + slotsPerTaskManager);
    }
    Configuration config = new Configuration(configuration);
    config.setString(RestOptions.BIND_PORT.key(), config.get(RestOptions.BIND_PORT, "0"));
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.ADDRESS, "127.0.0.1");
    config.set(TaskManagerOptions.NUM_TASK_SLOTS, slotsPerTaskManager);
    MiniCluster cluster =
        new MiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(taskManagers)
                .setNumSlotsPerTaskManager(slotsPerTaskManager)
                .setPluginManager(pluginManager)
                .build());
    cluster.start();
    return new EmbeddedFlink(cluster, taskManagers);
  }

  /** Submits the dataflow built on {@code env}; returns at once. */
  public JobID submit(StreamExecutionEnvironment env, String jobName) throws Exception {
    StreamGraph graph = env.getStreamGraph();
    graph.setJobName(jobName);
    JobGraph job = graph.getJobGraph(Thread.currentThread().getContextClassLoader(), null);
    return cluster.submitJob(job).get().getJobID();
  }

  /** Waits for the job to end; throws if it failed. */
  public JobExecutionResult await(JobID job, Duration timeout) throws Exception {
    JobResult result = cluster.requestJobResult(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return result.toJobExecutionResult(Thread.currentThread().getContextClassLoader());
  }

  public JobStatus status(JobID job) throws Exception {
    return cluster.getJobStatus(job).get();
  }

  /** Kills the longest-running live TaskManager, as a Spot interruption would. */
  public void killTaskManager() throws Exception {
    Integer index = liveTaskManagers.pollFirst();
    if (index == null) {
      throw new IllegalStateException("no live TaskManager to kill");
    }
    cluster.terminateTaskManager(index).get();
  }

  /** Starts a replacement TaskManager, as replacement capacity would. */
  public void startTaskManager() throws Exception {
    cluster.startTaskManager();
    liveTaskManagers.addLast(taskManagersStarted++);
  }

  public URI restAddress() throws Exception {
    return cluster.getRestAddress().get();
  }

  public MiniCluster miniCluster() {
    return cluster;
  }

  /**
   * Stops the cluster. A REST result nobody fetched (a checkpoint given up on after its bound)
   * makes shutdown time out waiting for it; that is logged, not thrown.
   */
  @Override
  public void close() throws FlinkException {
    try {
      cluster.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlinkException("interrupted while stopping Flink", e);
    } catch (Exception e) {
      if (ExceptionUtils.findThrowable(e, TimeoutException.class).isEmpty()) {
        throw e instanceof FlinkException flink ? flink : new FlinkException(e);
      }
      LOG.warn("Flink shut down with unread REST results: {}", e.getMessage());
    }
  }
}
