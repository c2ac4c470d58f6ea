package io.flotilla.control.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.LaunchNodeClaim;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cloud.LaunchError;
import io.flotilla.ports.cloud.OfferingKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final OfferingKey M6G =
      new OfferingKey("m6g.xlarge", "us-east-1a", CapacityType.SPOT);
  private static final LaunchNodeClaim CLAIM =
      new LaunchNodeClaim(
          "general-1",
          "general",
          M6G,
          List.of(new PodId("default", "web-0")),
          Map.of(),
          Resources.parse(Map.of("cpu", "3920m", "memory", "14Gi")));

  private final ScriptedCloud cloud = new ScriptedCloud(Clock.fixed(NOW, ZoneOffset.UTC));
  private final UnavailableOfferings unavailable = new UnavailableOfferings();
  private final Launcher launcher = new Launcher(cloud, unavailable, Backoff.DEFAULT);

  @Test
  void aLaunchTheCloudAcceptsGivesTheInstanceTaggedWithItsClaim() {
    LaunchResult result = launcher.launch(CLAIM, 0, NOW);

    assertThat(result).isInstanceOf(LaunchResult.Launched.class);
    LaunchResult.Launched launched = (LaunchResult.Launched) result;
    assertThat(launched.instance().nodeClaim()).isEqualTo("general-1");
    assertThat(launched.instance().offering()).isEqualTo(M6G);
  }

  @Test
  void aThrottledLaunchIsRetriedLaterAndLaterUpToTheCap() {
    cloud.refuse(LaunchError.THROTTLED, LaunchError.THROTTLED, LaunchError.THROTTLED);

    LaunchResult first = launcher.launch(CLAIM, 0, NOW);
    LaunchResult second = launcher.launch(CLAIM, 1, NOW);
    LaunchResult third = launcher.launch(CLAIM, 2, NOW);

    assertThat(first).isEqualTo(new LaunchResult.RetryAt(CLAIM, 1, NOW.plusSeconds(1)));
    assertThat(second).isEqualTo(new LaunchResult.RetryAt(CLAIM, 2, NOW.plusSeconds(2)));
    assertThat(third).isEqualTo(new LaunchResult.RetryAt(CLAIM, 3, NOW.plusSeconds(4)));
    assertThat(Backoff.DEFAULT.delay(30)).isEqualTo(Duration.ofMinutes(1));
    assertThat(unavailable.at(NOW)).isEmpty();
  }

  @Test
  void anOfferingWithoutCapacityIsCachedAndTheClaimReplanned() {
    cloud.refuse(LaunchError.INSUFFICIENT_CAPACITY);

    LaunchResult result = launcher.launch(CLAIM, 0, NOW);

    assertThat(result).isInstanceOf(LaunchResult.Replan.class);
    assertThat(((LaunchResult.Replan) result).reason())
        .contains("m6g.xlarge/us-east-1a/spot")
        .contains("insufficient_capacity");
    assertThat(unavailable.contains(M6G, NOW.plus(Duration.ofSeconds(179)))).isTrue();
    assertThat(unavailable.contains(M6G, NOW.plus(Duration.ofMinutes(3)))).isFalse();
    assertThat(cloud.instances()).isEmpty();
  }

  @Test
  void anOfferingOverQuotaIsAvoidedToo() {
    cloud.refuse(LaunchError.QUOTA_EXCEEDED);

    assertThat(launcher.launch(CLAIM, 0, NOW)).isInstanceOf(LaunchResult.Replan.class);
    assertThat(unavailable.at(NOW)).containsExactly(M6G);
  }
}
