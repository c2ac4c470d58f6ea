package io.flotilla.flink.event;

import java.util.List;

/** The tickers of the reference event template. */
public final class Tickers {

  /** ABCD, CDEF, IJKL, MNOP, QRST: the reference data generator's choices. */
  public static final List<String> REFERENCE = List.of("ABCD", "CDEF", "IJKL", "MNOP", "QRST");

  private Tickers() {}
}
