package io.flotilla.flink.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.ports.checkpoint.TaskManagerAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobID;

/** What a test reads from a cluster's REST API to set up a case (not the code under test). */
public final class RestProbe {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI rest;

  public RestProbe(URI rest) {
    this.rest = rest;
  }

  /** Every TaskManager of the cluster, by its resource id. */
  public List<TaskManagerAddress> taskManagers() throws IOException, InterruptedException {
    List<TaskManagerAddress> addresses = new ArrayList<>();
    for (JsonNode tm : get("/taskmanagers").path("taskmanagers")) {
      addresses.add(TaskManagerAddress.ofTaskManager("localhost", tm.path("id").asText()));
    }
    return addresses;
  }

  /** True once every vertex of the job is RUNNING (a checkpoint can only start then). */
  public boolean allTasksRunning(JobID job) throws IOException, InterruptedException {
    JsonNode vertices = get("/jobs/" + job).path("vertices");
    for (JsonNode vertex : vertices) {
      if (!"RUNNING".equals(vertex.path("status").asText())) {
        return false;
      }
    }
    return vertices.size() > 0;
  }

  /** How many checkpoints of the job have completed. */
  public long completedCheckpoints(JobID job) throws IOException, InterruptedException {
    return get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asLong();
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(rest.resolve(path)).build();
    return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }
}
