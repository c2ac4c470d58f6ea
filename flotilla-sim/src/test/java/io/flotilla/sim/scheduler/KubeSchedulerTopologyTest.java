package io.flotilla.sim.scheduler;

import static io.flotilla.core.testing.PodBuilder.app;
import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.WellKnownLabels;
import io.flotilla.core.node.Node;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The scheduler model's spread and inter-pod filters, on nodes where room alone (least-allocated)
 * would choose otherwise: a big node in zone a draws every pod that no rule keeps away. Expected
 * placements are worked out by hand from kube-scheduler's documented rules.
 */
class KubeSchedulerTopologyTest {
  private static final String ZONE = WellKnownLabels.ZONE;
  private static final String HOST = WellKnownLabels.HOSTNAME;

  @Test
  void withoutRulesEveryPodGoesToTheNodeWithMostRoom() {
    List<Node> nodes = List.of(node("big-a", "us-east-1a", 64), node("small-b", "us-east-1b", 8));

    Map<String, Integer> perNode =
        perNode(schedule(app("web").requests("1", "2Gi").replicas(4), nodes), nodes);

    assertThat(perNode).containsEntry("big-a", 4).containsEntry("small-b", 0);
  }

  @Test
  void aHardZoneSpreadKeepsTheSkewWithinMaxSkew() {
    List<Node> nodes = threeZones();
    List<Pod> pods = app("web").requests("1", "2Gi").spread(ZONE, 1, null).replicas(6);

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    assertThat(perNode).containsEntry("big-a", 2).containsEntry("b", 2).containsEntry("c", 2);
  }

  @Test
  void aLooserMaxSkewLetsTheBigNodeTakeMore() {
    List<Node> nodes = threeZones();
    List<Pod> pods = app("web").requests("1", "2Gi").spread(ZONE, 3, null).replicas(6);

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    // Pods go where there is most room while the skew allows: a reaches 3 while b and c hold 0,
    // then b and c get one each before a may take its fourth (4 - 1 <= 3).
    assertThat(perNode.get("big-a") - Math.min(perNode.get("b"), perNode.get("c")))
        .isLessThanOrEqualTo(3);
    assertThat(perNode.get("big-a")).isGreaterThan(perNode.get("b"));
    assertThat(perNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
  }

  @Test
  void podsAlreadyBoundCountTowardTheSkew() {
    List<Node> nodes = threeZones();
    List<Pod> pods = new ArrayList<>();
    pods.add(app("web").requests("1", "2Gi").spread(ZONE, 1, null).boundTo("big-a").build(0));
    pods.add(app("web").requests("1", "2Gi").spread(ZONE, 1, null).build(1));

    List<KubeScheduler.Binding> bindings = schedule(pods, nodes);

    assertThat(bindings).hasSize(1);
    assertThat(bindings.get(0).node()).isIn("b", "c");
  }

  @Test
  void terminatingPodsDoNotCountTowardTheSkew() {
    List<Node> nodes = List.of(node("big-a", "us-east-1a", 64), node("b", "us-east-1b", 8));
    List<Pod> pods = new ArrayList<>();
    Pod leaving = app("web").requests("1", "2Gi").spread(ZONE, 1, null).boundTo("b").build(0);
    pods.add(leaving);
    pods.addAll(app("web").requests("1", "2Gi").spread(ZONE, 1, null).replicas(3).subList(1, 3));

    List<KubeScheduler.Binding> bindings =
        new KubeScheduler().schedule(pods, nodes, Set.of(leaving.id()));

    // Were b's leaving pod counted, a (most room) could take both (1 + 1 - 1 <= 1); it is not,
    // so the second goes to b.
    assertThat(bindings).extracting(KubeScheduler.Binding::node).containsExactly("big-a", "b");
  }

  @Test
  void aNodeWithoutTheSpreadKeyIsRefused() {
    List<Node> nodes = List.of(unzoned("big"), node("b", "us-east-1b", 8));
    List<Pod> pods = app("web").requests("1", "2Gi").spread(ZONE, 1, null).replicas(2);

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    assertThat(perNode).containsEntry("big", 0).containsEntry("b", 2);
  }

  @Test
  void fewerDomainsThanMinDomainsCapEachDomainAtMaxSkew() {
    List<Node> nodes = List.of(node("big-a", "us-east-1a", 64), node("b", "us-east-1b", 64));
    List<Pod> pods = app("web").requests("1", "2Gi").spread(ZONE, 1, 3).replicas(4);

    List<KubeScheduler.Binding> bindings = schedule(pods, nodes);

    // Two domains < minDomains 3: the global minimum is 0, so each zone holds at most one.
    assertThat(perNode(bindings, nodes)).containsEntry("big-a", 1).containsEntry("b", 1);
  }

  @Test
  void requiredAffinityPlacesPodsInTheDomainOfTheirPeers() {
    List<Node> nodes = threeZones();
    List<Pod> pods = new ArrayList<>();
    pods.add(app("db").requests("1", "2Gi").boundTo("c").build(0));
    pods.addAll(app("web").requests("1", "2Gi").affinity("db", ZONE).replicas(3));

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    assertThat(perNode).containsEntry("c", 3).containsEntry("big-a", 0).containsEntry("b", 0);
  }

  @Test
  void theFirstPodOfASelfAffineGroupMayGoAnywhereAndTheRestFollowIt() {
    List<Node> nodes = threeZones();
    List<Pod> pods = app("cache").requests("1", "2Gi").affinity("cache", ZONE).replicas(3);

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    assertThat(perNode).containsEntry("big-a", 3);
  }

  @Test
  void aSelfAffinePodFollowsItsPeerOnceOneRuns() {
    List<Node> nodes = threeZones();
    List<Pod> pods = new ArrayList<>();
    pods.add(app("cache").requests("1", "2Gi").affinity("cache", ZONE).boundTo("c").build(0));
    pods.addAll(
        app("cache").requests("1", "2Gi").affinity("cache", ZONE).replicas(3).subList(1, 3));

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    assertThat(perNode).containsEntry("c", 2).containsEntry("big-a", 0);
  }

  @Test
  void requiredAffinityWithNoPeerAnywhereLeavesThePodPending() {
    List<Pod> pods = app("web").requests("1", "2Gi").affinity("db", ZONE).replicas(1);

    assertThat(schedule(pods, threeZones())).isEmpty();
  }

  @Test
  void zoneAntiAffinityPutsOnePodPerZone() {
    List<Node> nodes = threeZones();
    List<Pod> pods = app("web").requests("1", "2Gi").antiAffinity("web", ZONE).replicas(4);

    List<KubeScheduler.Binding> bindings = schedule(pods, nodes);

    assertThat(perNode(bindings, nodes))
        .containsEntry("big-a", 1)
        .containsEntry("b", 1)
        .containsEntry("c", 1);
  }

  @Test
  void podsBoundEarlierInTheSameCallCountForLaterRules() {
    List<Node> nodes = threeZones();
    List<Pod> pods = new ArrayList<>();
    pods.add(app("x").requests("1", "2Gi").build(0));
    pods.add(app("web").requests("1", "2Gi").antiAffinity("x", ZONE).build(0));

    List<KubeScheduler.Binding> bindings = schedule(pods, nodes);

    // x goes where there is most room (zone a); web must then keep out of zone a.
    assertThat(bindings).extracting(KubeScheduler.Binding::node).containsExactly("big-a", "b");
  }

  @Test
  void aBoundPodsAntiAffinityKeepsOthersOffItsNode() {
    List<Node> nodes = List.of(node("big-a", "us-east-1a", 64), node("b", "us-east-1b", 8));
    List<Pod> pods = new ArrayList<>();
    pods.add(app("batch").requests("1", "2Gi").antiAffinity("web", HOST).boundTo("big-a").build(0));
    pods.addAll(app("web").requests("1", "2Gi").replicas(2));

    Map<String, Integer> perNode = perNode(schedule(pods, nodes), nodes);

    assertThat(perNode).containsEntry("big-a", 0).containsEntry("b", 2);
  }

  private static List<KubeScheduler.Binding> schedule(List<Pod> pods, List<Node> nodes) {
    return new KubeScheduler().schedule(pods, nodes, Set.of());
  }

  /** Pods this call binds, per node. */
  private static Map<String, Integer> perNode(List<KubeScheduler.Binding> bindings, List<Node> n) {
    Map<String, Integer> out = new TreeMap<>();
    n.forEach(node -> out.put(node.name(), 0));
    bindings.forEach(b -> out.merge(b.node(), 1, Integer::sum));
    return out;
  }

  private static List<Node> threeZones() {
    return List.of(
        node("big-a", "us-east-1a", 64), node("b", "us-east-1b", 8), node("c", "us-east-1c", 8));
  }

  private static Node node(String name, String zone, int cpus) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(ZONE, zone);
    labels.put(HOST, name);
    labels.put(WellKnownLabels.ARCH, "amd64");
    labels.put(WellKnownLabels.OS, "linux");
    return new Node(name, labels, List.of(), null, room(cpus), false);
  }

  private static Node unzoned(String name) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(HOST, name);
    labels.put(WellKnownLabels.ARCH, "amd64");
    labels.put(WellKnownLabels.OS, "linux");
    return new Node(name, labels, List.of(), null, room(64), false);
  }

  private static Resources room(int cpus) {
    return Resources.parse(
        Map.of("cpu", String.valueOf(cpus), "memory", (4 * cpus) + "Gi", "pods", "110"));
  }
}
