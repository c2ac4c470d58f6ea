package io.flotilla.cli.plan;

/** An input file the command cannot use; the message names the file and what is wrong. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
