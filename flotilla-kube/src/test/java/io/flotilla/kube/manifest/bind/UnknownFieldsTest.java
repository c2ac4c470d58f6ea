package io.flotilla.kube.manifest.bind;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.kube.manifest.source.FieldPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFieldIsOnlyLocatedWhereTheDocumentHasIt() throws Exception {
    JsonNode doc = JSON.readTree("{\"spec\": {\"items\": [{\"a\": 1}, {\"bogus\": 2}]}}");

    assertThat(UnknownFields.located(doc, FieldPath.of("spec", "items").index(1), "bogus"))
        .hasToString("spec.items[1].bogus");
    assertThat(UnknownFields.located(doc, FieldPath.of("spec", "items").index(0), "bogus"))
        .isNull();
    assertThat(UnknownFields.located(doc, FieldPath.of("spec"), "bogus")).isNull();
  }

  @Test
  void anUnknownFieldOfATopLevelRecordIsLocatedAtTheRoot() throws Exception {
    record Strict(String name) {}
    List<String> warnings = new ArrayList<>();
    JsonNode doc = JSON.readTree("{\"name\": \"x\", \"nme\": \"y\"}");

    new Binder().bind(doc, Strict.class, (path, message) -> warnings.add(path + ": " + message));

    assertThat(warnings).containsExactly("nme: unknown field, ignored");
  }
}
