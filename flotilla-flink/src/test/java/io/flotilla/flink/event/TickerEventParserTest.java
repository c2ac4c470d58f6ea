package io.flotilla.flink.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TickerEventParserTest {

  private final TickerEventParser parser = new TickerEventParser();

  @Test
  void parsesAReferenceRecordAndKeepsTheRawText() {
    String raw =
        "{\"EVENT_TIME\":\"2026-01-01T00:00:01.250Z\",\"TICKER\":\"QRST\",\"PRICE\":734.12,"
            + "\"ID\":\"5f1c\",\"EXTRA\":{\"a\":[1,2]}}";

    ParsedRecord parsed = parser.parse(raw);

    assertThat(parsed.isValid()).isTrue();
    assertThat(parsed.event())
        .isEqualTo(new TickerEvent(1_767_225_601_250L, "QRST", 734.12, "5f1c"));
    assertThat(parsed.raw()).isEqualTo(raw);
  }

  @Test
  void acceptsEpochMillisAndIntegerPrices() {
    ParsedRecord parsed =
        parser.parse(
            "{\"EVENT_TIME\":1767225600000,\"TICKER\":\"ABCD\",\"PRICE\":500,\"ID\":\"x\"}");

    assertThat(parsed.event().eventTimeMillis()).isEqualTo(1_767_225_600_000L);
    assertThat(parsed.event().price()).isEqualTo(500.0);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"ABCD\",\"PRICE\":600}|missing field(s) ID",
        "{}|missing field(s) EVENT_TIME, TICKER, PRICE, ID",
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"abcd\",\"PRICE\":600,\"ID\":\"x\"}|TICKER must be 1-12 upper-case",
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"ABCD\",\"PRICE\":0,\"ID\":\"x\"}|PRICE out of range (0, 1000000]: 0",
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"ABCD\",\"PRICE\":2e6,\"ID\":\"x\"}|PRICE out of range",
        "{\"EVENT_TIME\":\"1999-12-31T23:59:59Z\",\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":\"x\"}|EVENT_TIME out of range",
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"ABCD\",\"PRICE\":[600],\"ID\":\"x\"}|PRICE must be a number, was an array",
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":\" \"}|ID must be 1-64 non-blank",
        "{\"EVENT_TIME\":\"2026-01-01T00:00:00Z\",\"TICKER\":\"ABCD\",\"PRICE\":600,\"ID\":\"x\"} {}|trailing content",
        "{\"EVENT_TIME\":|malformed JSON",
      })
  void rejectsBadRecordsWithAReasonNamingTheFieldAndValue(String raw, String reason) {
    ParsedRecord parsed = parser.parse(raw);

    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.problem()).contains(reason);
    assertThat(parsed.raw()).isEqualTo(raw);
  }

  @Test
  void neverThrowsForNullInput() {
    assertThat(parser.parse(null).problem()).isEqualTo("record is null");
  }
}
