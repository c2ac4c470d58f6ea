package io.flotilla.flink.checkpoint;

import java.net.URI;
import java.time.Instant;

/** A triggered checkpoint whose outcome is not known yet. */
record PendingCheckpoint(URI endpoint, String jobId, String requestId, Instant started) {}
