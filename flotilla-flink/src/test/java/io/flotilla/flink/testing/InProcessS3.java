package io.flotilla.flink.testing;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** An S3 endpoint in this JVM (s3proxy over an in-memory blob store) on a free loopback port. */
public final class InProcessS3 implements BeforeAllCallback, AfterAllCallback {

  private static final String ACCESS_KEY = "flotilla";
  private static final String SECRET_KEY = "flotilla-secret";

  private BlobStoreContext context;
  private S3Proxy proxy;

  @Override
  public void beforeAll(ExtensionContext extension) throws Exception {
    Properties properties = new Properties();
    context =
        ContextBuilder.newBuilder("transient")
            .credentials("identity", "credential")
            .overrides(properties)
            .buildView(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(context.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
  }

  @Override
  public void afterAll(ExtensionContext extension) throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (context != null) {
      context.close();
    }
  }

  public void createBucket(String bucket) {
    BlobStore store = context.getBlobStore();
    store.createContainerInLocation(null, bucket);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The settings Flink's S3 filesystem plugin needs to talk to this endpoint. */
  public Configuration flinkConfiguration() {
    return Configuration.fromMap(
        Map.of(
            "s3.endpoint",
            endpoint(),
            "s3.path.style.access",
            "true",
            "s3.access-key",
            ACCESS_KEY,
            "s3.secret-key",
            SECRET_KEY,
            "s3.connection.ssl.enabled",
            "false"));
  }
}
