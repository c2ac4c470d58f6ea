package io.flotilla.flink.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The few calls of Flink's JobManager REST API this project needs: running jobs, where their
 * subtasks run, and manual checkpoints ({@code POST /jobs/{id}/checkpoints}, then {@code GET
 * /jobs/{id}/checkpoints/{request-id}}). Plain {@link HttpClient} and Jackson: no Flink classes.
 */
public final class FlinkRestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration requestTimeout;

  public FlinkRestClient(HttpClient http, Duration requestTimeout) {
    this.http = http;
    this.requestTimeout = requestTimeout;
  }

  public static FlinkRestClient create(Duration requestTimeout) {
    return new FlinkRestClient(
        HttpClient.newBuilder().connectTimeout(requestTimeout).build(), requestTimeout);
  }

  /** The ids of the jobs in state RUNNING. */
  public List<String> runningJobs(URI endpoint) throws IOException {
    List<String> jobs = new ArrayList<>();
    for (JsonNode job : get(endpoint, "/jobs/overview").path("jobs")) {
      if ("RUNNING".equals(job.path("state").asText())) {
        jobs.add(job.path("jid").asText());
      }
    }
    return jobs;
  }

  /** The TaskManagers running any subtask of the job. */
  public Set<JobTaskManager> taskManagersOf(URI endpoint, String jobId) throws IOException {
    Set<JobTaskManager> taskManagers = new LinkedHashSet<>();
    for (JsonNode vertex : get(endpoint, "/jobs/" + jobId).path("vertices")) {
      String path = "/jobs/" + jobId + "/vertices/" + vertex.path("id").asText() + "/taskmanagers";
      for (JsonNode tm : get(endpoint, path).path("taskmanagers")) {
        taskManagers.add(new JobTaskManager(hostOf(tm), tm.path("taskmanager-id").asText()));
      }
    }
    return taskManagers;
  }

  /** Asks for a full checkpoint now; returns the request id to poll. */
  public String triggerCheckpoint(URI endpoint, String jobId) throws IOException {
    JsonNode answer =
        send(
            endpoint,
            "/jobs/" + jobId + "/checkpoints",
            HttpRequest.BodyPublishers.ofString("{\"checkpointType\":\"FULL\"}"));
    String requestId = answer.path("request-id").asText("");
    if (requestId.isEmpty()) {
      throw new IOException("Flink answered a checkpoint trigger without a request-id: " + answer);
    }
    return requestId;
  }

  public CheckpointStatus checkpointStatus(URI endpoint, String jobId, String requestId)
      throws IOException {
    JsonNode answer = get(endpoint, "/jobs/" + jobId + "/checkpoints/" + requestId);
    if (!"COMPLETED".equals(answer.path("status").path("id").asText())) {
      return CheckpointStatus.inProgress();
    }
    JsonNode operation = answer.path("operation");
    if (operation.has("checkpointId")) {
      return CheckpointStatus.completed(operation.path("checkpointId").asLong());
    }
    return CheckpointStatus.failed(FailureCauses.describe(operation.path("failureCause")));
  }

  private JsonNode get(URI endpoint, String path) throws IOException {
    return send(endpoint, path, null);
  }

  private JsonNode send(URI endpoint, String path, HttpRequest.BodyPublisher body)
      throws IOException {
    URI uri = endpoint.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout);
    if (body != null) {
      request.header("Content-Type", "application/json").POST(body);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RestUnreachableException(uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RestUnreachableException(uri, e);
    }
    if (response.statusCode() >= 300) {
      throw new RestErrorException(uri, response.statusCode(), response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String hostOf(JsonNode taskManager) {
    String host = taskManager.path("host").asText("");
    if (host.isEmpty()) {
      host = taskManager.path("endpoint").asText("");
    }
    int colon = host.lastIndexOf(':');
    return colon > 0 && host.indexOf(':') == colon ? host.substring(0, colon) : host;
  }
}
