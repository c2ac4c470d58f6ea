package io.flotilla.flink.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginManager;

/**
 * Flink plugins (the S3 filesystem) loaded from a folder, as a Flink distribution does from {@code
 * plugins/}: each plugin in its own class loader, never on the application classpath.
 */
public final class FlinkPlugins {

  /** The environment variable Flink itself reads for the plugins folder. */
  public static final String PLUGINS_DIR_ENV = "FLINK_PLUGINS_DIR";

  private FlinkPlugins() {}

  /** A plugin manager over {@code dir} (one sub-folder per plugin); empty when absent. */
  public static PluginManager from(Optional<Path> dir, Configuration config) {
    try {
      var descriptors =
          dir.filter(Files::isDirectory).isPresent()
              ? new DirectoryBasedPluginFinder(dir.get()).findPlugins()
              : List.<org.apache.flink.core.plugin.PluginDescriptor>of();
      String[] parentFirst = CoreOptions.getPluginParentFirstLoaderPatterns(config);
      return new DefaultPluginManager(descriptors, parentFirst);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Flink plugins from " + dir.orElse(null), e);
    }
  }

  /** Initialises Flink's file systems ({@code s3://} among them) with those plugins. */
  public static PluginManager initializeFileSystems(Optional<Path> dir, Configuration config) {
    PluginManager plugins = from(dir, config);
    FileSystem.initialize(config, plugins);
    return plugins;
  }
}
