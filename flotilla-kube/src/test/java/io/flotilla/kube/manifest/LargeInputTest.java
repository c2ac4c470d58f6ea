package io.flotilla.kube.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest holding a 20 MB ConfigMap is read, and the ConfigMap only skipped. How fast is
 * measured by a benchmark (see src/test/resources/bench), not here.
 */
class LargeInputTest {
  private static final int SIZE = 21 * 1024 * 1024;

  @TempDir Path dir;

  /** Deterministic base64-like text without line breaks. */
  private static String blob(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    StringBuilder sb = new StringBuilder(length);
    long x = 42;
    for (int i = 0; i < length; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      sb.append(alphabet.charAt((int) (x >>> 58)));
    }
    return sb.toString();
  }

  @Test
  void aYamlConfigMapWithATwentyMegabyteLineIsReadAndSkipped() throws Exception {
    String value = blob(SIZE);
    Path file =
        Fixtures.write(
            dir,
            "big.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\nbinaryData:\n  blob: "
                + value
                + "\n  other: x\n---\n"
                + Fixtures.A_POD);

    Manifests m = Fixtures.read(file);

    assertThat(m.skippedKinds()).isEqualTo(Map.of("ConfigMap", 1));
    assertThat(m.pods()).extracting(p -> p.id().name()).containsExactly("some-pod");
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void aJsonConfigMapWithATwentyMegabyteValueIsReadAndSkipped() throws Exception {
    Path file =
        Fixtures.write(
            dir,
            "big.json",
            "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"huge\"},"
                + " \"data\": {\"blob\": \""
                + blob(SIZE)
                + "\"}},\n"
                + "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"},"
                + " \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"x\"}]}}]}\n");

    Manifests m = Fixtures.read(file);

    assertThat(m.skippedKinds()).isEqualTo(Map.of("ConfigMap", 1));
    assertThat(m.pods()).extracting(p -> p.id().name()).containsExactly("p");
  }

  @Test
  void aConfigMapWithHundredsOfThousandsOfKeysIsReadAndSkipped() throws Exception {
    StringBuilder yaml =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: m}\n");
    yaml.append("data:\n");
    for (int i = 0; i < 200_000; i++) {
      yaml.append("  key-").append(i).append(": value-").append(i).append('\n');
    }
    Path file = Fixtures.write(dir, "keys.yaml", yaml + "---\n" + Fixtures.A_POD);

    Manifests m = Fixtures.read(file);

    assertThat(m.skippedKinds()).isEqualTo(Map.of("ConfigMap", 1));
    assertThat(m.pods()).hasSize(1);
  }
}
