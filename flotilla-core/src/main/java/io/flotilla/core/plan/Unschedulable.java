package io.flotilla.core.plan;

import io.flotilla.core.pod.PodId;

/** A pod the plan could not place, and why (which constraint, which pool). */
public record Unschedulable(PodId pod, String reason) {}
