package io.flotilla.core.testing.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.core.label.NodeAffinity;
import io.flotilla.core.label.Operator;
import io.flotilla.core.label.Requirement;
import io.flotilla.core.label.Requirements;
import io.flotilla.core.pod.LabelSelector;
import io.flotilla.core.pod.Pod;
import io.flotilla.core.pod.PodAffinityTerm;
import io.flotilla.core.pod.PodId;
import io.flotilla.core.resource.Resources;
import io.flotilla.core.taint.Effect;
import io.flotilla.core.taint.Taint;
import io.flotilla.core.taint.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker's own reading of Kubernetes label, selector and taint semantics. */
class SelectorsTest {
  private static Requirement req(String key, Operator op, String... values) {
    return Requirement.of(key, op, List.of(values));
  }

  @Test
  void inAndNotInTreatAMissingLabelAsKubernetesDoes() {
    Requirement in = req("team", Operator.IN, "a", "b");
    Requirement notIn = req("team", Operator.NOT_IN, "a");
    assertThat(Selectors.holds(in, "b")).isTrue();
    assertThat(Selectors.holds(in, "c")).isFalse();
    assertThat(Selectors.holds(in, null)).isFalse();
    assertThat(Selectors.holds(notIn, "a")).isFalse();
    assertThat(Selectors.holds(notIn, "b")).isTrue();
    assertThat(Selectors.holds(notIn, null)).isTrue();
  }

  @Test
  void existsAndDoesNotExistAskOnlyForTheLabel() {
    assertThat(Selectors.holds(req("gpu", Operator.EXISTS), "")).isTrue();
    assertThat(Selectors.holds(req("gpu", Operator.EXISTS), null)).isFalse();
    assertThat(Selectors.holds(req("gpu", Operator.DOES_NOT_EXIST), null)).isTrue();
    assertThat(Selectors.holds(req("gpu", Operator.DOES_NOT_EXIST), "1")).isFalse();
  }

  @Test
  void gtAndLtCompareIntegersAndRejectAnythingElse() {
    Requirement gt = req("cpu", Operator.GT, "4");
    Requirement lt = req("cpu", Operator.LT, "4");
    assertThat(Selectors.holds(gt, "8")).isTrue();
    assertThat(Selectors.holds(gt, "4")).isFalse();
    assertThat(Selectors.holds(gt, "10")).as("numeric, not lexical").isTrue();
    assertThat(Selectors.holds(lt, "2")).isTrue();
    assertThat(Selectors.holds(lt, "4")).isFalse();
    assertThat(Selectors.holds(gt, "eight")).isFalse();
    assertThat(Selectors.holds(lt, "-")).isFalse();
    assertThat(Selectors.holds(lt, null)).isFalse();
  }

  @Test
  void requiredTermsAreOredAndTheirExpressionsAnded() {
    Map<String, String> node = Map.of("arch", "arm64", "zone", "a");
    Requirements armInB =
        Requirements.of(req("arch", Operator.IN, "arm64"), req("zone", Operator.IN, "b"));
    Requirements zoneA = Requirements.of(req("zone", Operator.IN, "a"));
    assertThat(Selectors.requiredHolds(new NodeAffinity(List.of(armInB), List.of()), node))
        .isFalse();
    assertThat(Selectors.requiredHolds(new NodeAffinity(List.of(armInB, zoneA), List.of()), node))
        .isTrue();
    assertThat(Selectors.requiredHolds(NodeAffinity.NONE, node)).isTrue();
  }

  @Test
  void anEmptyNodeSelectorTermSelectsNoNode() {
    NodeAffinity empty = new NodeAffinity(List.of(Requirements.NONE), List.of());
    assertThat(Selectors.requiredHolds(empty, Map.of("zone", "a"))).isFalse();
  }

  @Test
  void labelSelectorsNeedEveryMatchLabelAndEveryExpression() {
    LabelSelector s =
        new LabelSelector(Map.of("app", "web"), List.of(req("tier", Operator.NOT_IN, "db")));
    assertThat(Selectors.selects(s, Map.of("app", "web"))).isTrue();
    assertThat(Selectors.selects(s, Map.of("app", "web", "tier", "db"))).isFalse();
    assertThat(Selectors.selects(s, Map.of("app", "api"))).isFalse();
    assertThat(Selectors.selects(LabelSelector.EVERYTHING, Map.of())).isTrue();
  }

  @Test
  void aPodAffinityTermLooksInItsNamespacesOrElseInItsOwnersNamespace() {
    Pod web = pod("shop", "web");
    LabelSelector isWeb = new LabelSelector(Map.of("app", "web"), List.of());
    PodAffinityTerm own = new PodAffinityTerm(isWeb, "zone", Set.of());
    PodAffinityTerm listed = new PodAffinityTerm(isWeb, "zone", Set.of("shop", "other"));
    assertThat(Selectors.selects(own, "shop", web)).isTrue();
    assertThat(Selectors.selects(own, "default", web)).isFalse();
    assertThat(Selectors.selects(listed, "default", web)).isTrue();
  }

  @Test
  void tolerationsMatchByKeyValueAndEffect() {
    Taint dedicated = new Taint("dedicated", "batch", Effect.NO_SCHEDULE);
    assertThat(TaintRules.tolerates(Toleration.equal("dedicated", "batch", null), dedicated))
        .isTrue();
    assertThat(TaintRules.tolerates(Toleration.equal("dedicated", "web", null), dedicated))
        .isFalse();
    assertThat(
            TaintRules.tolerates(
                Toleration.equal("dedicated", "batch", Effect.NO_EXECUTE), dedicated))
        .isFalse();
    assertThat(TaintRules.tolerates(new Toleration("dedicated", true, null, null), dedicated))
        .isTrue();
    assertThat(TaintRules.tolerates(new Toleration("", true, null, null), dedicated)).isTrue();
    assertThat(TaintRules.tolerates(new Toleration("other", true, null, null), dedicated))
        .isFalse();
  }

  @Test
  void onlyNoScheduleAndNoExecuteTaintsKeepPodsOff() {
    Taint soft = new Taint("spare", "", Effect.PREFER_NO_SCHEDULE);
    Taint evict = new Taint("gone", "", Effect.NO_EXECUTE);
    assertThat(TaintRules.firstHardUntolerated(List.of(), List.of(soft))).isEmpty();
    assertThat(TaintRules.firstSoftUntolerated(List.of(), List.of(soft))).contains(soft);
    assertThat(TaintRules.firstHardUntolerated(List.of(), List.of(soft, evict))).contains(evict);
  }

  private static Pod pod(String namespace, String app) {
    Pod p = Pod.simple(new PodId(namespace, app + "-0"), Resources.NONE);
    return new Pod(
        p.id(),
        Map.of("app", app),
        p.requests(),
        p.nodeAffinity(),
        p.tolerations(),
        p.topologySpread(),
        p.antiAffinity(),
        p.affinity(),
        p.architectures(),
        p.hostPorts(),
        p.owner(),
        null);
  }
}
