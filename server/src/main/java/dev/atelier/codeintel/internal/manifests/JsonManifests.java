package dev.atelier.codeintel.internal.manifests;

import dev.atelier.codeintel.ProjectDependencies.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** package.json and composer.json. */
final class JsonManifests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonManifests() {}

  static List<Declared> npm(String path, String text) {
    JsonNode root = read(text);
    List<Declared> out = new ArrayList<>();
    for (Map.Entry<String, String> section :
        List.of(
            Map.entry("dependencies", "runtime"),
            Map.entry("devDependencies", "dev"),
            Map.entry("peerDependencies", "peer"),
            Map.entry("optionalDependencies", "optional"))) {
      add("npm", path, text, root.path(section.getKey()), section.getValue(), out);
    }
    return out;
  }

  static List<Declared> composer(String path, String text) {
    JsonNode root = read(text);
    List<Declared> out = new ArrayList<>();
    add("composer", path, text, root.path("require"), "runtime", out);
    add("composer", path, text, root.path("require-dev"), "dev", out);
    // the PHP runtime and its extensions are platform requirements, not packages
    out.removeIf(d -> d.name().equals("php") || d.name().startsWith("ext-"));
    return out;
  }

  private static void add(
      String ecosystem,
      String path,
      String text,
      JsonNode section,
      String scope,
      List<Declared> out) {
    if (!section.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : section.properties()) {
      JsonNode version = entry.getValue();
      out.add(
          new Declared(
              ecosystem,
              entry.getKey(),
              version.isString() ? version.asString() : null,
              scope,
              path,
              ManifestParsers.lineOf(text, "\"" + entry.getKey() + "\"", 1)));
    }
  }

  private static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
  }
}
