package io.flotilla.ports.checkpoint;

import java.net.URI;
import java.util.List;

/**
 * The Flink JobManager REST endpoints to ask for jobs (one per Flink cluster; on Kubernetes, the
 * JobManager REST services).
 */
public interface FlinkEndpoints {

  List<URI> restEndpoints();
}
