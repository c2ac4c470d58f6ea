package io.flotilla.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void drawsNothingWhenOutputIsNotATerminal() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), false, clock::get);
    clock.set(10 * SECOND);
    bar.update("flotilla", 0.5);
    bar.finish();
    assertThat(text.toString()).isEmpty();
  }

  @Test
  void onATerminalAppearsOnlyAfterTwoSecondsAndIsWipedAtTheEnd() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), true, clock::get);
    clock.set(SECOND);
    bar.update("flotilla", 0.1);
    assertThat(text.toString()).isEmpty();
    clock.set(3 * SECOND);
    bar.update("flotilla", 0.5);
    assertThat(text.toString()).startsWith("\r[###############               ]  50% flotilla");
    int drawn = text.toString().length();
    clock.set(3 * SECOND + 1000);
    bar.update("flotilla", 0.51);
    assertThat(text.toString()).hasSize(drawn);
    bar.finish();
    assertThat(text.toString()).endsWith("\r");
  }
}
