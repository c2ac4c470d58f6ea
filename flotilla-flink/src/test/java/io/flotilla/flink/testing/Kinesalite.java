package io.flotilla.flink.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kinesis API on loopback: kinesalite from npm, installed under {@code target/kinesalite} on
 * first use ({@code npm install kinesalite@3.3.3}), started on a free port before the test class
 * and stopped after it. Needs {@code node} and {@code npm} on the PATH.
 */
public final class Kinesalite implements BeforeAllCallback, AfterAllCallback {

  private static final Logger LOG = LoggerFactory.getLogger(Kinesalite.class);
  private static final String VERSION = "3.3.3";
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  private Process process;
  private int port;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path home =
        Path.of(System.getProperty("flotilla.kinesalite.dir", "target/kinesalite"))
            .toAbsolutePath();
    Path cli = home.resolve("node_modules/kinesalite/cli.js");
    if (!Files.exists(cli)) {
      install(home);
    }
    port = freePort();
    process =
        new ProcessBuilder(
                List.of(
                    "node",
                    cli.toString(),
                    "--port",
                    Integer.toString(port),
                    "--createStreamMs",
                    "0",
                    "--deleteStreamMs",
                    "0",
                    "--updateStreamMs",
                    "0"))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("kinesalite.log").toFile())
            .start();
    waitForPort(Duration.ofSeconds(30));
    LOG.info("kinesalite {} listening on {}", VERSION, endpoint());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  private static void install(Path home) throws IOException, InterruptedException {
    Files.createDirectories(home);
    LOG.info("Installing kinesalite {} into {} with npm", VERSION, home);
    Process npm =
        new ProcessBuilder(
                "npm",
                "install",
                "--prefix",
                home.toString(),
                "--no-audit",
                "--no-fund",
                "--no-save",
                "kinesalite@" + VERSION)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("npm-install.log").toFile())
            .start();
    if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      npm.destroyForcibly();
      throw new IllegalStateException("npm install kinesalite timed out; see npm-install.log");
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException(
          "npm install kinesalite failed ("
              + npm.exitValue()
              + "): "
              + Files.readString(home.resolve("npm-install.log")));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void waitForPort(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("kinesalite exited with " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("kinesalite did not listen on " + port + " in " + timeout);
  }
}
