package io.flotilla.core.taint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kubernetes toleration matching. */
class TolerationTest {
  private static final Taint GPU = new Taint("nvidia.com/gpu", "present", Effect.NO_SCHEDULE);

  @Test
  void anEqualTolerationNeedsTheSameKeyValueAndEffect() {
    assertThat(Toleration.equal("nvidia.com/gpu", "present", Effect.NO_SCHEDULE).tolerates(GPU))
        .isTrue();
    assertThat(Toleration.equal("nvidia.com/gpu", "absent", Effect.NO_SCHEDULE).tolerates(GPU))
        .isFalse();
    assertThat(Toleration.equal("other", "present", Effect.NO_SCHEDULE).tolerates(GPU)).isFalse();
    assertThat(Toleration.equal("nvidia.com/gpu", "present", Effect.NO_EXECUTE).tolerates(GPU))
        .isFalse();
  }

  @Test
  void aTolerationWithoutEffectMatchesEveryEffect() {
    Toleration any = Toleration.equal("nvidia.com/gpu", "present", null);
    assertThat(any.tolerates(GPU)).isTrue();
    assertThat(any.tolerates(new Taint("nvidia.com/gpu", "present", Effect.NO_EXECUTE))).isTrue();
  }

  @Test
  void existsIgnoresTheValue() {
    Toleration exists = new Toleration("nvidia.com/gpu", true, null, Effect.NO_SCHEDULE);
    assertThat(exists.tolerates(GPU)).isTrue();
    assertThat(exists.tolerates(new Taint("nvidia.com/gpu", "", Effect.NO_SCHEDULE))).isTrue();
  }

  @Test
  void anEmptyKeyWithExistsToleratesEverything() {
    Toleration all = new Toleration("", true, null, null);
    assertThat(all.tolerates(GPU)).isTrue();
    assertThat(all.tolerates(new Taint("x", "y", Effect.NO_EXECUTE))).isTrue();
  }

  @Test
  void anEmptyKeyWithoutExistsIsRejected() {
    assertThatThrownBy(() -> new Toleration("", false, "v", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyTaintValueMatchesAnEqualTolerationWithoutValue() {
    Taint bare = new Taint("dedicated", null, Effect.NO_SCHEDULE);
    assertThat(Toleration.equal("dedicated", null, Effect.NO_SCHEDULE).tolerates(bare)).isTrue();
    assertThat(Toleration.equal("dedicated", "x", Effect.NO_SCHEDULE).tolerates(bare)).isFalse();
  }

  @Test
  void firstUntoleratedSkipsSoftTaintsAndToleratedOnes() {
    Taint soft = new Taint("cost", "high", Effect.PREFER_NO_SCHEDULE);
    Taint hard = new Taint("team", "ml", Effect.NO_EXECUTE);
    List<Taint> taints = List.of(soft, GPU, hard);
    List<Toleration> gpuOnly = List.of(Toleration.equal("nvidia.com/gpu", "present", null));

    assertThat(Toleration.firstUntolerated(gpuOnly, taints)).isEqualTo(hard);
    assertThat(Toleration.firstUntolerated(List.of(), List.of(soft))).isNull();
    assertThat(Toleration.untoleratedSoftTaints(gpuOnly, taints)).isEqualTo(1);
  }

  @Test
  void effectsParseFromTheirApiSpellingAndOnlyPreferNoScheduleIsSoft() {
    assertThat(Effect.parse("NoExecute")).isEqualTo(Effect.NO_EXECUTE);
    assertThat(Effect.NO_SCHEDULE.blocksScheduling()).isTrue();
    assertThat(Effect.NO_EXECUTE.blocksScheduling()).isTrue();
    assertThat(Effect.PREFER_NO_SCHEDULE.blocksScheduling()).isFalse();
    assertThatThrownBy(() -> Effect.parse("noschedule"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void taintsPrintAsKubectlDoes() {
    assertThat(GPU.toString()).isEqualTo("nvidia.com/gpu=present:NoSchedule");
    assertThat(new Taint("bad", null, Effect.NO_EXECUTE).toString()).isEqualTo("bad:NoExecute");
  }
}
