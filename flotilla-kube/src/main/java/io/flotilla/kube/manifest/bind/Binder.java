package io.flotilla.kube.manifest.bind;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.flotilla.kube.manifest.source.FieldError;
import io.flotilla.kube.manifest.source.FieldPath;
import io.flotilla.kube.manifest.source.Warnings;
import java.io.IOException;

/**
 * Binds a parsed object to a typed model: fabric8's classes for Kubernetes kinds, our records for
 * Karpenter and eksctl. Unknown field names become warnings (fabric8's catch-all map is switched
 * off so that they reach us with their path); wrong types become a {@link FieldError}. Reuse one
 * instance: building the model's deserializers is the expensive part.
 */
public final class Binder {
  private final ObjectMapper mapper =
      JsonMapper.builder()
          .annotationIntrospector(new NoCatchAllIntrospector())
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  public <T> T bind(JsonNode tree, Class<T> type, Warnings warnings) {
    try {
      return mapper.readerFor(type).withHandler(new UnknownFields(warnings, tree)).readValue(tree);
    } catch (JsonMappingException e) {
      FieldPath path = pathOf(e);
      throw new FieldError(path, TypeProblems.describe(e, tree.at(path.pointer())));
    } catch (IOException e) {
      throw new FieldError(FieldPath.ROOT, e.getMessage());
    }
  }

  private static FieldPath pathOf(JsonMappingException e) {
    FieldPath path = FieldPath.ROOT;
    for (JsonMappingException.Reference ref : e.getPath()) {
      path =
          ref.getFieldName() != null ? path.child(ref.getFieldName()) : path.index(ref.getIndex());
    }
    return path;
  }

  /** Treats every class as if it had no @JsonAnySetter, so unknown names reach the handler. */
  private static final class NoCatchAllIntrospector extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public Boolean hasAnySetter(Annotated a) {
      return Boolean.FALSE;
    }
  }
}
