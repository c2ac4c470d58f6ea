package io.flotilla.core.testing.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import io.flotilla.core.testing.PoolBuilder;

/** What the checker's tests share: zones, taints, a general pool, and running the checker. */
final class InvariantCases {
  private InvariantCases() {}

  static final String ZONE = WellKnownLabels.ZONE;
  static final String HOST = WellKnownLabels.HOSTNAME;
  static final String A = "us-east-1a";
  static final String B = "us-east-1b";
  static final String C = "us-east-1c";
  static final String OD = "on-demand";
  static final Taint DEDICATED = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);
  static final Taint SPARE = new Taint("spare", "true", Effect.PREFER_NO_SCHEDULE);

  static Invariants check(PlanRequest request, HandPlan plan) {
    return PlanInvariants.of(request, plan.build());
  }

  static void assertSound(PlanRequest request, HandPlan plan) {
    assertThat(PlanInvariants.violations(request, plan.build())).isEmpty();
  }

  static Planning general() {
    return Planning.request().pool(PoolBuilder.pool("general", 10));
  }
}
