package io.flotilla.flink.checkpoint;

import java.io.IOException;
import java.net.URI;

/** The Flink REST endpoint answered with an error status. */
public final class RestErrorException extends IOException {

  private static final long serialVersionUID = 1L;
  private final int status;
  private final String body;

  public RestErrorException(URI uri, int status, String body) {
    super("Flink REST " + uri + " answered " + status + ": " + abbreviate(body));
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }

  /** Flink answers 404 (or names its not-found exception) for a job it does not know. */
  public boolean isUnknownJob() {
    return status == 404
        || body.contains("FlinkJobNotFoundException")
        || body.contains("NotFoundException");
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }
}
