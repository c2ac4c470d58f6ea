package io.flotilla.flink.kinesis;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Kinesis clients over HTTP/1.1 (the JDK's URL connection: no Netty, and what kinesalite speaks).
 * With an endpoint override and no AWS credentials in the environment, fixed local credentials are
 * used, as local Kinesis APIs accept any, and the wire format is JSON rather than CBOR.
 */
public final class KinesisClients {

  /** The AWS SDK's switch between CBOR and JSON on the wire. */
  static final String CBOR_PROPERTY = "aws.cborEnabled";

  private KinesisClients() {}

  public static KinesisClient create(KinesisSettings settings) {
    return create(settings.region(), settings.endpointOrNull());
  }

  public static KinesisClient create(String region, String endpointOrNull) {
    if (endpointOrNull != null && System.getProperty(CBOR_PROPERTY) == null) {
      // Local Kinesis APIs (kinesalite) answer PutRecords in CBOR the SDK cannot read; JSON works.
      // The SDK reads this switch only from the JVM's properties or the environment.
      System.setProperty(CBOR_PROPERTY, "false");
    }
    var builder =
        KinesisClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(credentials(endpointOrNull));
    if (endpointOrNull != null) {
      builder.endpointOverride(URI.create(endpointOrNull));
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(String endpointOrNull) {
    boolean local = endpointOrNull != null && System.getenv("AWS_ACCESS_KEY_ID") == null;
    return local
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
        : DefaultCredentialsProvider.builder().build();
  }
}
