package io.flotilla.core.plan;

import static io.flotilla.core.testing.PodBuilder.app;
import static io.flotilla.core.testing.PoolBuilder.pool;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.InstanceType;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.testing.PlanInvariants;
import io.flotilla.core.testing.Planning;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** minValues keeps every planned node launchable with that many alternatives. */
class MinValuesTest {
  private static final Requirement THREE_FAMILIES =
      new Requirement(WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 3);

  @Test
  void everyNewNodeKeepsAtLeastMinValuesFamiliesThatCouldHoldIt() {
    var result =
        Planning.request()
            .pool(pool("flexible", 10).require(THREE_FAMILIES))
            .pods(app("web").requests("700m", "3Gi").replicas(40))
            .plan();

    assertThat(result.placed()).isEqualTo(40);
    for (PlannedNode n : result.newNodes()) {
      InstanceType t = Planning.CATALOG.type(n.instanceType()).orElseThrow();
      long families =
          Planning.CATALOG.types().stream()
              .filter(o -> o.vcpu() >= t.vcpu() && o.memoryMiB() >= t.memoryMiB())
              .map(InstanceType::family)
              .distinct()
              .count();
      assertThat(families).as(n.instanceType()).isGreaterThanOrEqualTo(3);
    }
  }

  /**
   * Four arm64 families of the test types hold a pod of 11 GiB (im4gn, m6g, r6g, t4g), but only two
   * hold a whole r6g.large (16 GiB): the floor counts the types that hold the claim's pods, as
   * Karpenter counts them, so the pods get nodes whose room stops where four families still hold it
   * (the checker confirms every node keeps the floor).
   */
  @Test
  void theFloorCountsTypesThatHoldThePodsNotTheWholeNode() {
    PlanRequest request =
        Planning.request()
            .pool(
                pool("arm", 10)
                    .require(WellKnownLabels.ARCH, "arm64")
                    .require(
                        new Requirement(
                            WellKnownLabels.INSTANCE_FAMILY, Operator.EXISTS, Set.of(), 4)))
            .pods(app("mem").requests("350m", "11328Mi").replicas(6))
            .build();

    Plan plan = new Planner().plan(request);

    assertThat(plan.unschedulable()).isEmpty();
    assertThat(plan.newNodes()).isNotEmpty();
    assertThat(PlanInvariants.violations(request, plan)).isEmpty();
  }

  @Test
  void aPodOnlyTooFewFamiliesCanHoldIsUnschedulable() {
    // 14 cores fit only m5.4xlarge and g4dn.12xlarge among the test types: two families.
    var result =
        Planning.request()
            .pool(pool("flexible", 10).require(THREE_FAMILIES))
            .pods(app("big").requests("14", "8Gi").replicas(1))
            .plan();

    assertThat(result.reason("big-0")).contains("pool flexible");
  }

  @Test
  void minValuesAppliesToThePoolAndThePodsRequirementsTogether() {
    // The pool alone spans many families; a pod pinned to one instance type leaves one.
    var result =
        Planning.request()
            .pool(pool("flexible", 10).require(THREE_FAMILIES))
            .pods(
                app("pinned")
                    .requests("500m", "1Gi")
                    .nodeSelector(WellKnownLabels.INSTANCE_TYPE, "m5.large")
                    .replicas(2))
            .pods(app("free").requests("500m", "1Gi").replicas(2))
            .plan();

    assertThat(result.reason("pinned-0"))
        .contains("minValues 3")
        .contains(WellKnownLabels.INSTANCE_FAMILY)
        .contains("leave 1 [m5]")
        .contains("Strict");
    assertThat(result.findNode("free-0")).isPresent();
  }

  @Test
  void bestEffortRelaxesTheFloorsAndPlacesThePods() {
    PlanRequest request =
        Planning.request()
            .pool(pool("flexible", 10).require(THREE_FAMILIES))
            .pods(
                app("pinned")
                    .requests("500m", "1Gi")
                    .nodeSelector(WellKnownLabels.INSTANCE_TYPE, "m5.large")
                    .replicas(2))
            .build()
            .withOptions(
                PlanOptions.DEFAULTS.withMinValuesPolicy(PlanOptions.MinValuesPolicy.BEST_EFFORT));

    Plan plan = new Planner().plan(request);

    assertThat(plan.unschedulable()).isEmpty();
    assertThat(plan.newNodes()).allMatch(n -> n.instanceType().equals("m5.large"));
  }

  @Test
  void theBaselineKeepsAPodOffAClaimItWouldCutBelowMinValues() {
    PlanRequest request =
        Planning.request()
            .pool(pool("flexible", 10).require(THREE_FAMILIES))
            .pods(app("web").requests("700m", "3Gi").replicas(40))
            .build();
    Plan plan = new Planner(Planner.Strategy.FIRST_FIT_DECREASING).plan(request);

    assertThat(PlanInvariants.of(request, plan).minValues()).isEmpty();
    assertThat(plan.unschedulable()).isEmpty();
  }
}
