package io.flotilla.cli.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the image-to-architectures map given with {@code --image-architectures}. */
final class ImageArchitecturesFile {
  private static final Set<String> KNOWN = Set.of("amd64", "arm64");

  private ImageArchitecturesFile() {}

  static Map<String, Set<String>> read(Path file) {
    if (file == null) {
      return Map.of();
    }
    Map<String, List<String>> raw;
    try {
      raw =
          new ObjectMapper(new YAMLFactory())
              .readValue(Files.readString(file), new TypeReference<Map<String, List<String>>>() {});
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new BadInputException(file + ":" + line + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage());
    }
    Map<String, Set<String>> images = new LinkedHashMap<>();
    if (raw == null) {
      return images;
    }
    raw.forEach(
        (image, archs) -> {
          for (String arch : archs) {
            if (!KNOWN.contains(arch)) {
              throw new BadInputException(
                  file
                      + ": image "
                      + image
                      + ": unknown architecture '"
                      + arch
                      + "' (expected amd64 or arm64)");
            }
          }
          images.put(image, new TreeSet<>(archs));
        });
    return images;
  }
}
