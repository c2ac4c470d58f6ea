package io.flotilla.catalog.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Opens the CSV files the catalog reads: bundled classpath resources and user files. */
public final class CsvResource {
  /** The package folder the bundled data lives in. */
  public static final String DATA_FOLDER = "io/flotilla/catalog/";

  private final CsvReader reader = new CsvReader();
  private final ClassLoader classLoader;

  public CsvResource(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /** Reads a bundled file, e.g. "ec2-instance-types.csv"; every column must be known. */
  public CsvTable bundled(String fileName, List<String> columns, Errors errors) {
    return bundled(fileName, columns, errors, text -> text);
  }

  /**
   * Reads a bundled file whose first column is a region, keeping the rows of {@code region}: the
   * other regions' rows become blank lines before parsing (so every kept row keeps its line
   * number), which spares parsing the other regions' rows on every start (the Spot files hold about
   * 20 regions). A row whose first value is quoted is always kept. The bundled files' other regions
   * are checked by the catalog's tests, not here.
   */
  public CsvTable bundledRegion(
      String fileName, List<String> columns, String region, Errors errors) {
    return bundled(fileName, columns, errors, text -> RegionRows.keep(text, region));
  }

  private CsvTable bundled(
      String fileName, List<String> columns, Errors errors, UnaryOperator<String> rows) {
    String name = DATA_FOLDER + fileName;
    String source = "classpath:" + name;
    InputStream in = classLoader.getResourceAsStream(name);
    if (in == null) {
      throw new CatalogDataException(DataError.ofLine(source, 0, "resource not found"));
    }
    String text;
    try (in) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reader.read(source, new StringReader(rows.apply(text)), columns, true, errors);
  }

  /** Reads a user's file; columns other than the given ones are errors. */
  public CsvTable file(Path path, List<String> columns, Errors errors) {
    String source = path.toString();
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return reader.read(source, r, columns, false, errors);
    } catch (NoSuchFileException e) {
      throw new CatalogDataException(DataError.ofLine(source, 0, "no such file"));
    } catch (IOException e) {
      throw new CatalogDataException(DataError.ofLine(source, 0, "cannot read: " + e));
    }
  }
}
