import io.flotilla.catalog.CatalogSettings;
import io.flotilla.catalog.Ec2Catalog;

/**
 * Opens the built-in catalog twice in a fresh JVM and prints how long each took: the first is
 * what every `flotilla plan` pays at start (class loading and cold code included). Run as a
 * single-file program on the CLI jar:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
 *   -cp flotilla-cli/target/flotilla-cli-0.1.0-SNAPSHOT-all.jar bench/CatalogLoadTime.java
 * </pre>
 */
public class CatalogLoadTime {
  public static void main(String[] args) {
    long start = System.nanoTime();
    Ec2Catalog.open(CatalogSettings.defaults());
    long first = System.nanoTime();
    Ec2Catalog.open(CatalogSettings.defaults());
    long second = System.nanoTime();
    System.out.printf(
        "first %.0f ms, second %.0f ms%n", (first - start) / 1e6, (second - first) / 1e6);
  }
}
