package io.flotilla.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.flotilla.core.catalog.Offering;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cluster.NodeClaim;
import io.flotilla.sim.flink.FlinkJobSpec;
import io.flotilla.sim.metrics.Summary;
import io.flotilla.sim.metrics.Timeline;
import io.flotilla.sim.traffic.Traffic;
import io.flotilla.sim.world.Run;
import io.flotilla.sim.world.Simulation;
import io.flotilla.sim.world.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final Duration LENGTH = Duration.ofHours(2);

  /** The reference world with its HPA, an hourly input wave, and the fault after an hour. */
  private static Simulation simulation(long seed) {
    FlinkJobSpec job =
        FlinkJobSpec.reference(
            "default",
            "ticker",
            ReferenceFlink.JOB_MANAGER,
            ReferenceFlink.TASK_MANAGERS,
            10_000,
            new Traffic.Wave(5_000, 30_000, Duration.ofMinutes(30), Duration.ofHours(1)));
    World world = ReferenceFlink.withHpa(Duration.ofMillis(250)).withFlinkJobs(List.of(job));
    Run run =
        ReferenceFlink.run(seed, LENGTH, List.of(ReferenceFlink.fault(Duration.ofHours(1))), true)
            .withSampleEvery(Duration.ofSeconds(30));
    return new Simulation(world, run);
  }

  @Test
  void theSameSeedGivesTheSameSummaryAndTimelineAndAnotherSeedAnotherTimeline() {
    Simulation first = simulation(1);
    Summary a = first.run();
    Simulation again = simulation(1);
    Summary b = again.run();
    Simulation other = simulation(2);
    other.run();

    assertThat(b).isEqualTo(a);
    assertThat(again.timeline()).isEqualTo(first.timeline());
    assertThat(other.timeline()).isNotEqualTo(first.timeline());
    assertThat(a.flinkRestarts()).isPositive();
    assertThat(a.flinkMaxLagSeconds()).isPositive();
  }

  @Test
  void samplesComeAtEveryIntervalAndAddUpToWhatTheCloudAndClusterHold() {
    Simulation sim = simulation(1);
    sim.run();
    Timeline t = sim.timeline();

    assertThat(t.samples()).hasSize((int) (LENGTH.toSeconds() / 30) + 1);
    for (int i = 0; i < t.samples().size(); i++) {
      assertThat(t.samples().get(i).atSeconds()).isEqualTo(30.0 * i);
    }
    Timeline.Sample last = t.samples().get(t.samples().size() - 1);
    Map<String, Integer> claims = new TreeMap<>();
    for (NodeClaim c : sim.cluster().nodeClaims()) {
      Offering o = sim.cloud().offering(c.offering());
      claims.merge(o.type().arch() + "/" + c.offering().capacityType().label(), 1, Integer::sum);
    }
    assertThat(last.nodes()).isEqualTo(claims);
    double price = 0;
    for (CloudInstance i : sim.cloud().instances()) {
      price += sim.cloud().offering(i.offering()).pricePerHour();
    }
    assertThat(last.costPerHour()).isCloseTo(price, within(1e-9));
    assertThat(last.taskManagers()).isEqualTo(sim.flinkJobs().get(0).runningTaskManagers());
    // The wave peaks at 30 minutes past each hour: 2 hours in, it is at its lowest.
    assertThat(last.inputRate()).isCloseTo(5_000, within(1e-6));
    assertThat(t.samples().get(60).inputRate()).isCloseTo(30_000, within(1e-6));
  }

  @Test
  void markersShowTheFaultItsInterruptionsAndTheVoluntaryDecisionsByKind() {
    Simulation sim = simulation(1);
    sim.run();
    List<Timeline.Marker> markers = sim.timeline().markers();

    assertThat(markers.stream().filter(m -> m.kind().equals("fault")))
        .singleElement()
        .satisfies(m -> assertThat(m.atSeconds()).isEqualTo(3_600));
    List<Timeline.Marker> interruptions =
        markers.stream().filter(m -> m.kind().equals("interruption")).toList();
    assertThat(interruptions).hasSize(5).allMatch(m -> m.atSeconds() == 3_600);
    List<String> warned = interruptions.stream().map(Timeline.Marker::label).toList();
    List<Timeline.Marker> decisions =
        markers.stream()
            .filter(m -> !m.kind().equals("fault") && !m.kind().equals("interruption"))
            .toList();
    assertThat(decisions)
        .allSatisfy(
            m -> {
              assertThat(m.kind()).isIn("consolidation", "emptiness", "expiry", "other");
              assertThat(m.label()).matches("\\S+ \\(.+\\)");
              assertThat(warned).doesNotContain(m.label().substring(0, m.label().indexOf(' ')));
            });
  }
}
