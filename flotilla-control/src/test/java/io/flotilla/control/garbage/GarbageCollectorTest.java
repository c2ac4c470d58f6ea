package io.flotilla.control.garbage;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.control.command.DeleteNode;
import io.flotilla.control.command.TerminateInstance;
import io.flotilla.control.disruption.DisruptionDecision;
import io.flotilla.core.catalog.CapacityType;
import io.flotilla.core.resource.Resources;
import io.flotilla.ports.cloud.CloudInstance;
import io.flotilla.ports.cloud.OfferingKey;
import io.flotilla.ports.cluster.NodeClaim;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GarbageCollectorTest {
  private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
  private static final OfferingKey M5 =
      new OfferingKey("m5.large", "us-east-1a", CapacityType.SPOT);
  private static final GarbageCollector GC = new GarbageCollector(GarbageCollection.KARPENTER);

  private static CloudInstance instance(String id, String claim, long secondsAgo) {
    return new CloudInstance(id, M5, claim, NOW.minusSeconds(secondsAgo));
  }

  private static NodeClaim claim(String name, String instanceId, long secondsAgo) {
    return new NodeClaim(
        name, "general", M5, instanceId, Map.of(), Resources.NONE, NOW.minusSeconds(secondsAgo));
  }

  @Test
  void anInstanceNoClaimOwnsIsTerminatedOnceOlderThanThirtySeconds() {
    List<CloudInstance> instances =
        List.of(
            instance("i-old", "lost-1", 30),
            instance("i-young", "lost-2", 29),
            instance("i-owned", "a", 600));

    var commands = GC.collect(instances, List.of(claim("a", "i-owned", 600)), NOW);

    assertThat(commands)
        .containsExactly(new TerminateInstance("i-old", DisruptionDecision.ORPHAN_INSTANCE));
  }

  @Test
  void aClaimWhoseInstanceIsGoneIsDeletedOnceOlderThanTenSeconds() {
    List<NodeClaim> claims =
        List.of(claim("gone", "i-1", 10), claim("just-made", "i-2", 9), claim("alive", "i-3", 600));

    var commands = GC.collect(List.of(instance("i-3", "alive", 600)), claims, NOW);

    assertThat(commands).containsExactly(new DeleteNode("gone", DisruptionDecision.INSTANCE_GONE));
  }

  @Test
  void anInstanceRelaunchedUnderAClaimsNameIsStillAnOrphanIfTheClaimHoldsAnother() {
    List<CloudInstance> instances =
        List.of(instance("i-first", "a", 120), instance("i-second", "a", 60));

    var commands = GC.collect(instances, List.of(claim("a", "i-second", 60)), NOW);

    assertThat(commands)
        .containsExactly(new TerminateInstance("i-first", DisruptionDecision.ORPHAN_INSTANCE));
  }
}
