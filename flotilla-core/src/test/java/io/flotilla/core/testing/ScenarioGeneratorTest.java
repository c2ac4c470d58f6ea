package io.flotilla.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.catalog.Catalog;
import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.nodepool.KubeletConfig;
import io.flotilla.core.nodepool.NodePool;
import io.flotilla.core.plan.PlanRequest;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.TopologySpread;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.testing.ScenarioGenerator.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The generator makes what each kind asks for, only when asked, and the same from one seed. */
class ScenarioGeneratorTest {
  private static final Catalog CATALOG = TestCatalog.create();

  private static List<PlanRequest> requests(Set<Kind> kinds) {
    return LongStream.range(0, 60)
        .mapToObj(seed -> new ScenarioGenerator(seed, CATALOG, kinds).next())
        .toList();
  }

  private static Stream<Pod> pods(PlanRequest r) {
    return r.pods().stream();
  }

  private static Predicate<PlanRequest> spreadOn(String key, Predicate<TopologySpread> also) {
    return r ->
        pods(r)
            .flatMap(p -> p.topologySpread().stream())
            .anyMatch(s -> s.topologyKey().equals(key) && also.test(s));
  }

  private static Predicate<PlanRequest> term(boolean affinity, String key) {
    return r ->
        pods(r)
            .flatMap(p -> (affinity ? p.affinity() : p.antiAffinity()).stream())
            .map(PodAffinityTerm::topologyKey)
            .anyMatch(key::equals);
  }

  /** What a problem shows when it carries the kind. */
  private static Predicate<PlanRequest> shows(Kind kind) {
    return switch (kind) {
      case TAINTS ->
          r ->
              r.pools().stream()
                  .anyMatch(
                      p -> p.taints().stream().anyMatch(t -> t.effect() == Effect.NO_SCHEDULE));
      case PREFER_NO_SCHEDULE ->
          r ->
              r.nodes().stream()
                  .anyMatch(
                      n ->
                          n.taints().stream()
                              .anyMatch(t -> t.effect() == Effect.PREFER_NO_SCHEDULE));
      case WEIGHTED_LIMITS ->
          r -> r.pools().stream().anyMatch(p -> !p.limits().isEmpty() && p.weight() != 10);
      case KUBELET -> r -> r.pools().stream().anyMatch(p -> p.kubelet() != KubeletConfig.DEFAULT);
      case EXISTING_NODES -> r -> !r.nodes().isEmpty() && pods(r).anyMatch(Pod::bound);
      case DAEMON_SETS -> r -> !r.daemonSets().isEmpty();
      case DAEMON_HOST_PORTS ->
          r -> r.daemonSets().stream().anyMatch(d -> !d.template().hostPorts().isEmpty());
      case GPUS -> r -> pods(r).anyMatch(p -> p.requests().get("nvidia.com/gpu") > 0);
      case HOST_PORTS -> r -> pods(r).anyMatch(p -> !p.hostPorts().isEmpty());
      case HOSTNAME_SPREAD -> spreadOn(WellKnownLabels.HOSTNAME, TopologySpread::hard);
      case ZONE_SPREAD -> spreadOn(WellKnownLabels.ZONE, TopologySpread::hard);
      case CAPACITY_TYPE_SPREAD -> spreadOn(WellKnownLabels.CAPACITY_TYPE, TopologySpread::hard);
      case CUSTOM_SPREAD ->
          spreadOn(ScenarioGenerator.CAPACITY_SPREAD, TopologySpread::hard)
              .and(r -> r.pools().stream().anyMatch(p -> p.name().equals("spread-spot")));
      case LOOSE_SKEW ->
          r -> pods(r).flatMap(p -> p.topologySpread().stream()).anyMatch(s -> s.maxSkew() > 1);
      case SOFT_SPREAD ->
          r -> pods(r).flatMap(p -> p.topologySpread().stream()).anyMatch(s -> !s.hard());
      case TWO_SPREADS -> r -> pods(r).anyMatch(p -> p.topologySpread().size() == 2);
      case MIN_DOMAINS ->
          r ->
              pods(r)
                  .flatMap(p -> p.topologySpread().stream())
                  .anyMatch(s -> s.minDomains() != null);
      case HOSTNAME_ANTI_AFFINITY -> term(false, WellKnownLabels.HOSTNAME);
      case ZONE_ANTI_AFFINITY -> term(false, WellKnownLabels.ZONE);
      case HOSTNAME_AFFINITY -> term(true, WellKnownLabels.HOSTNAME);
      case ZONE_AFFINITY -> term(true, WellKnownLabels.ZONE);
      case MIN_VALUES ->
          r ->
              r.pools().stream()
                  .map(NodePool::requirements)
                  .anyMatch(q -> q.list().stream().anyMatch(x -> x.minValues() != null));
    };
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void everyKindShowsInSomeProblemWhenChosenAndInNoneOtherwise(Kind kind) {
    assertThat(requests(Kind.all())).anyMatch(shows(kind));
    Set<Kind> others = EnumSet.allOf(Kind.class);
    others.remove(kind);
    if (kind == Kind.DAEMON_SETS) {
      others.remove(Kind.DAEMON_HOST_PORTS);
    }
    assertThat(requests(others)).noneMatch(shows(kind));
  }

  @Test
  void theSameSeedAndKindsGiveTheSameProblem() {
    for (long seed = 0; seed < 20; seed++) {
      PlanRequest a = new ScenarioGenerator(seed, CATALOG, Kind.all()).next();
      PlanRequest b = new ScenarioGenerator(seed, CATALOG, Kind.all()).next();
      assertThat(a).isEqualTo(b);
    }
  }
}
