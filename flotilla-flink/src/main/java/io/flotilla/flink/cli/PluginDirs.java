package io.flotilla.flink.cli;

import io.flotilla.flink.cluster.FlinkPlugins;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Flink plugins (the S3 filesystem) are: {@code $FLINK_PLUGINS_DIR}, else the {@code
 * plugins/} folder beside this jar (the build puts {@code target/plugins/s3-fs-hadoop} there).
 */
final class PluginDirs {

  private PluginDirs() {}

  static Optional<Path> find() {
    String env = System.getenv(FlinkPlugins.PLUGINS_DIR_ENV);
    if (env != null && !env.isBlank()) {
      return Optional.of(Path.of(env));
    }
    try {
      Path jar =
          Path.of(PluginDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path beside = jar.getParent() == null ? null : jar.getParent().resolve("plugins");
      return beside != null && Files.isDirectory(beside) ? Optional.of(beside) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
