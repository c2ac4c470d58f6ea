package io.flotilla.flink.event;

/**
 * Writes events as JSON objects of the reference template, in a fixed field order, with the time as
 * ISO-8601 UTC milliseconds and prices with two decimals when they are whole cents. Not thread-safe
 * (it caches the current minute); one writer per thread.
 */
public final class TickerEventJson {

  private final IsoMillis time = new IsoMillis();

  /** One-off use; the generator keeps an instance. */
  public static String write(TickerEvent event) {
    return new TickerEventJson().toJson(event);
  }

  public String toJson(TickerEvent event) {
    StringBuilder out = new StringBuilder(128).append("{\"EVENT_TIME\":\"");
    time.append(out, event.eventTimeMillis());
    out.append("\",\"TICKER\":\"").append(event.ticker()).append("\",\"PRICE\":");
    appendPrice(out, event.price());
    return out.append(",\"ID\":\"").append(escaped(event.id())).append("\"}").toString();
  }

  private static void appendPrice(StringBuilder out, double price) {
    long cents = Math.round(price * 100);
    if (cents >= 0 && cents / 100.0 == price) {
      long fraction = cents % 100;
      out.append(cents / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
    } else {
      out.append(price);
    }
  }

  private static String escaped(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
