package dev.atelier.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this build was made from, read from a resource Maven filters at build time. */
public record AtelierVersion(String version) {

  public static AtelierVersion current() {
    try (InputStream in = AtelierVersion.class.getResourceAsStream("/atelier-build.properties")) {
      if (in == null) {
        return new AtelierVersion("unknown");
      }
      Properties properties = new Properties();
      properties.load(in);
      return new AtelierVersion(properties.getProperty("version", "unknown"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read atelier-build.properties", e);
    }
  }

  @Override
  public String toString() {
    return version;
  }
}
