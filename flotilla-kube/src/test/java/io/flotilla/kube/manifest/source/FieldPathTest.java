package io.flotilla.kube.manifest.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {
  @Test
  void printsLikeKubernetesFieldPathsAndBracketsMapKeys() {
    FieldPath p =
        FieldPath.of("spec", "template", "spec", "containers")
            .index(0)
            .child("resources")
            .child("requests")
            .child("nvidia.com/gpu");

    assertThat(p)
        .hasToString("spec.template.spec.containers[0].resources.requests[nvidia.com/gpu]");
    assertThat(FieldPath.of("spec", "nodeSelector").child("kubernetes.io/arch"))
        .hasToString("spec.nodeSelector[kubernetes.io/arch]");
    assertThat(FieldPath.of("status", "capacity", "ephemeral-storage"))
        .hasToString("status.capacity.ephemeral-storage");
  }

  @Test
  void pointerEscapesSlashesAndTildes() {
    assertThat(FieldPath.of("labels", "a/b~c").index(2).pointer()).isEqualTo("/labels/a~1b~0c/2");
    assertThat(FieldPath.ROOT.pointer()).isEmpty();
  }

  @Test
  void lineIndexFallsBackToTheNearestAncestor() {
    LineIndex lines = new LineIndex(3);
    LineIndex spec = lines.field("spec", 7);
    spec.field("containers", 8).item(9).field("image", 10);

    assertThat(lines.lineOf(FieldPath.of("spec", "template", "spec"))).isEqualTo(7);
    assertThat(lines.lineOf(FieldPath.of("kind"))).isEqualTo(3);
    assertThat(lines.lineOf(FieldPath.of("spec", "containers").index(0).child("image")))
        .isEqualTo(10);
    assertThat(lines.lineOf(FieldPath.of("spec", "containers").index(1).child("image")))
        .isEqualTo(8);
  }

  @Test
  void mergedFieldsKeepTheirLinesUnlessGivenAgain() {
    LineIndex merged = new LineIndex(2);
    merged.field("app", 2);
    merged.field("tier", 3);
    LineIndex labels = new LineIndex(5);
    labels.field("tier", 6);
    labels.takeField("app", merged);

    assertThat(labels.lineOf(FieldPath.of("app"))).isEqualTo(2);
    assertThat(labels.lineOf(FieldPath.of("tier"))).isEqualTo(6);
  }
}
