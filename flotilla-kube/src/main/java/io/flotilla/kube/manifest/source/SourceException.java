package io.flotilla.kube.manifest.source;

/** A problem with a located place in the input; the reader turns it into a ManifestException. */
public final class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Location location;
  private final String problem;

  public SourceException(Location location, String problem, Throwable cause) {
    super(location.format(problem), cause);
    this.location = location;
    this.problem = problem;
  }

  public Location location() {
    return location;
  }

  public String problem() {
    return problem;
  }
}
