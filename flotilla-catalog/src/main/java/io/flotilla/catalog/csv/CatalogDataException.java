package io.flotilla.catalog.csv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A data file that cannot be used, with every problem found in it (each names file, line, column).
 */
public final class CatalogDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 20;

  private final transient List<DataError> errors;

  public CatalogDataException(List<DataError> errors) {
    super(render(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("errors must not be empty");
    }
    this.errors = List.copyOf(errors);
  }

  public CatalogDataException(DataError error) {
    this(List.of(error));
  }

  public List<DataError> errors() {
    return errors;
  }

  private static String render(List<DataError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).describe();
    }
    String listed =
        errors.stream()
            .limit(LISTED)
            .map(e -> "  " + e.describe())
            .collect(Collectors.joining(System.lineSeparator()));
    String more =
        errors.size() > LISTED
            ? System.lineSeparator() + "  ... and " + (errors.size() - LISTED) + " more"
            : "";
    return errors.size() + " errors:" + System.lineSeparator() + listed + more;
  }
}
