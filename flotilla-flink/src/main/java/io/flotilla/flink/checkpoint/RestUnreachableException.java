package io.flotilla.flink.checkpoint;

import java.io.IOException;
import java.net.URI;

/** The Flink REST endpoint did not answer (refused, reset, timed out). */
public final class RestUnreachableException extends IOException {

  private static final long serialVersionUID = 1L;

  public RestUnreachableException(URI uri, Throwable cause) {
    super("Flink REST endpoint unreachable: " + uri + " (" + cause + ")", cause);
  }
}
