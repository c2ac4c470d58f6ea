package io.flotilla.catalog.csv;

/** Blanks the rows of a CSV text whose first value is a plain value other than a given region. */
final class RegionRows {
  private RegionRows() {}

  /**
   * The text with every line after the header (the first line that is neither blank nor a '#'
   * comment) blanked whose first value is unquoted and differs from {@code region}; line breaks
   * stay, so line numbers do not move.
   */
  static String keep(String text, String region) {
    StringBuilder out = new StringBuilder(text.length() / 8);
    int start = 0;
    boolean header = true;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      if (header || kept(text, start, next, region)) {
        out.append(text, start, next);
      } else if (end >= 0) {
        out.append('\n');
      }
      if (header && !text.substring(start, next).isBlank() && text.charAt(start) != '#') {
        header = false;
      }
      start = next;
    }
    return out.toString();
  }

  private static boolean kept(String text, int start, int next, String region) {
    if (start < next && text.charAt(start) == '"') {
      return true;
    }
    int comma = text.indexOf(',', start);
    if (comma < 0 || comma >= next) {
      return true;
    }
    return comma - start == region.length() && text.startsWith(region, start);
  }
}
