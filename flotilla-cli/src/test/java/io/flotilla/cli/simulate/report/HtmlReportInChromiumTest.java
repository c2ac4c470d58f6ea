package io.flotilla.cli.simulate.report;

import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a report in headless Chromium (Debian's {@code chromium}, which {@code .ci/run}
 * installs): the page's script must finish without error and the screenshot must show charts.
 */
class HtmlReportInChromiumTest {
  private static final Pattern STATUS = Pattern.compile("<html[^>]*\\sdata-report=\"([^\"]*)\"");
  private static final Pattern CHARTS = Pattern.compile("<html[^>]*\\sdata-charts=\"(\\d+)\"");

  @TempDir static Path dir;
  static Path chromium;
  static Path page;

  @BeforeAll
  static void render() throws IOException {
    Optional<Path> found = findChromium();
    assumeTrue(found.isPresent(), "no chromium or chromium-browser on PATH");
    chromium = found.get();
    page = dir.resolve("report.html");
    // A hostile name and label too: if either escaped its context, the page would not finish.
    ReportInput input = SyntheticRuns.twoStrategies(HtmlReportTest.HOSTILE, HtmlReportTest.HOSTILE);
    try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
      HtmlReport.write(input, out);
    }
  }

  @Test
  void everyChartRendersWithoutScriptError() throws Exception {
    String dom = run("--dump-dom");

    Matcher status = STATUS.matcher(dom);
    assertThat(status.find()).as("data-report in\n%s", head(dom)).isTrue();
    assertThat(status.group(1)).isEqualTo("ok");
    Matcher charts = CHARTS.matcher(dom);
    assertThat(charts.find()).isTrue();
    // 4 charts of all strategies, then nodes and Flink for each of the two.
    assertThat(Integer.parseInt(charts.group(1))).isEqualTo(4 + 2 * 2);
    assertThat(dom).contains("class=\"uplot").contains("<canvas");
  }

  @Test
  void screenshotShowsChartsAndMarkers() throws Exception {
    Path shot = dir.resolve("shot.png");
    run("--screenshot=" + shot, "--window-size=1400,2000", "--hide-scrollbars");
    assertThat(shot).exists();
    copyForHumans(shot);

    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1400);
    long nonWhite = 0;
    long blueSeries = 0;
    long greenSeries = 0;
    long redMarkers = 0;
    long stackedArea = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        colours.add(rgb);
        nonWhite += rgb != 0xFFFFFF ? 1 : 0;
        blueSeries += near(r, g, b, 0x1f, 0x77, 0xb4) ? 1 : 0; // first strategy's line
        greenSeries += near(r, g, b, 0x2c, 0xa0, 0x2c) ? 1 : 0; // second strategy's line
        redMarkers += r > 200 && g < 140 && b < 140 ? 1 : 0; // interruptions
        stackedArea += near(r, g, b, 121, 159, 194) ? 1 : 0; // amd64/spot's fill, nodes by key
      }
    }
    long pixels = (long) image.getWidth() * image.getHeight();
    assertThat(nonWhite).as("non-white pixels").isGreaterThan(pixels / 25);
    assertThat(colours.size()).as("distinct colours").isGreaterThan(200);
    assertThat(blueSeries).as("pixels of the first strategy's series").isGreaterThan(500);
    assertThat(greenSeries).as("pixels of the second strategy's series").isGreaterThan(500);
    assertThat(redMarkers).as("pixels of interruption markers").isGreaterThan(100);
    assertThat(stackedArea).as("pixels of a stacked node area").isGreaterThan(5000);
  }

  private static boolean near(int r, int g, int b, int r0, int g0, int b0) {
    return Math.abs(r - r0) + Math.abs(g - g0) + Math.abs(b - b0) < 40;
  }

  /** Runs Chromium on the page with {@code extra}; returns what it printed on stdout. */
  private static String run(String... extra) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> command = new ArrayList<>();
    command.add(chromium.toString());
    // Headless as root in a closed network: no sandbox, no GPU, nothing in the background.
    command.addAll(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile,
            "--virtual-time-budget=5000"));
    command.addAll(List.of(extra));
    command.add(page.toUri().toString());
    Path stdout = Files.createTempFile(dir, "stdout", ".txt");
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + Files.readString(stderr));
    }
    assertThat(process.exitValue())
        .as("chromium exit; stderr:\n%s", Files.readString(stderr))
        .isZero();
    return Files.readString(stdout);
  }

  static Optional<Path> findChromium() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String folder : path.split(File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Keeps the last screenshot under target/ to look at. */
  private static void copyForHumans(Path shot) throws IOException {
    Path target = Path.of("target", "report-screenshot");
    Files.createDirectories(target);
    Files.copy(shot, target.resolve("shot.png"), REPLACE_EXISTING);
    Files.copy(page, target.resolve("report.html"), REPLACE_EXISTING);
  }

  private static String head(String text) {
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
