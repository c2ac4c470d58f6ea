package io.flotilla.flink.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses {@code --source} and {@code --to} URIs, with errors that name the part at fault. */
public final class SourceUris {

  private static final Set<String> KAFKA_PARAMS = Set.of("group", "bounded");
  private static final Set<String> KINESIS_PARAMS =
      Set.of("region", "endpoint", "bounded", "start");

  private SourceUris() {}

  public static SourceSpec parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (text.equals("generator") || text.equals("generator://")) {
      return new SourceSpec.Generator();
    }
    URI uri = toUri(text);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    return switch (scheme) {
      case "kafka" -> kafka(uri, text);
      case "kinesis" -> kinesis(uri, text);
      default ->
          throw new IllegalArgumentException(
              "unknown source scheme in '"
                  + text
                  + "': use generator, kafka://HOST:PORT/TOPIC or kinesis://STREAM");
    };
  }

  private static SourceSpec.Kafka kafka(URI uri, String text) {
    String servers = uri.getRawAuthority();
    String topic = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (servers == null || servers.isBlank()) {
      throw new IllegalArgumentException("kafka source '" + text + "' has no HOST:PORT");
    }
    if (topic.isBlank() || topic.contains("/")) {
      throw new IllegalArgumentException(
          "kafka source '" + text + "' must name one topic: kafka://HOST:PORT/TOPIC");
    }
    Map<String, String> params = params(uri, KAFKA_PARAMS, text);
    return new SourceSpec.Kafka(
        servers,
        topic,
        params.getOrDefault("group", "flotilla-" + topic),
        bool(params, "bounded", text));
  }

  private static SourceSpec.Kinesis kinesis(URI uri, String text) {
    String stream = uri.getAuthority();
    if (stream == null || stream.isBlank()) {
      throw new IllegalArgumentException("kinesis source '" + text + "' has no stream name");
    }
    Map<String, String> params = params(uri, KINESIS_PARAMS, text);
    String start = params.getOrDefault("start", "trim_horizon");
    if (!start.equals("trim_horizon") && !start.equals("latest")) {
      throw new IllegalArgumentException(
          "kinesis start must be trim_horizon or latest, was '" + start + "'");
    }
    return new SourceSpec.Kinesis(
        stream,
        params.getOrDefault("region", "us-east-1"),
        Optional.ofNullable(params.get("endpoint")),
        bool(params, "bounded", text),
        start.equals("latest"));
  }

  static URI toUri(String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URI: '" + text + "': " + e.getReason(), e);
    }
  }

  static Map<String, String> params(URI uri, Set<String> allowed, String text) {
    Map<String, String> params = new LinkedHashMap<>();
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(
            "unknown parameter '" + key + "' in '" + text + "'; known: " + allowed);
      }
      params.put(key, value);
    }
    return params;
  }

  private static boolean bool(Map<String, String> params, String key, String text) {
    String value = params.getOrDefault(key, "false");
    if (value.isEmpty() || value.equals("true")) {
      return true;
    }
    if (value.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        "parameter '" + key + "' in '" + text + "' must be true or false, was '" + value + "'");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
