package dev.atelier.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tool's JSON Schema ({@code type: object}), built property by property. */
public final class InputSchema {

  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();

  private InputSchema() {}

  public static InputSchema object() {
    return new InputSchema();
  }

  public InputSchema string(String name, String description, boolean isRequired) {
    return property(name, Map.of("type", "string", "description", description), isRequired);
  }

  public InputSchema integer(String name, String description, int min, int max) {
    return property(
        name,
        Map.of("type", "integer", "description", description, "minimum", min, "maximum", max),
        false);
  }

  public InputSchema bool(String name, String description) {
    return property(name, Map.of("type", "boolean", "description", description), false);
  }

  public InputSchema strings(String name, String description, boolean isRequired) {
    return property(
        name,
        Map.of("type", "array", "items", Map.of("type", "string"), "description", description),
        isRequired);
  }

  public InputSchema enumeration(String name, String description, List<String> values) {
    return property(
        name, Map.of("type", "string", "description", description, "enum", values), false);
  }

  /** The {@code max_tokens} budget of a tool whose output can grow. */
  public InputSchema maxTokens(int fallback) {
    return property(
        "max_tokens",
        Map.of(
            "type",
            "integer",
            "description",
            "output budget in tokens (default " + fallback + ")",
            "minimum",
            ToolArguments.MIN_TOKENS),
        false);
  }

  private InputSchema property(String name, Map<String, Object> schema, boolean isRequired) {
    properties.put(name, schema);
    if (isRequired) {
      required.add(name);
    }
    return this;
  }

  public boolean declares(String name) {
    return properties.containsKey(name);
  }

  /** The schema as JSON-ready maps, with the properties every tool shares added. */
  Map<String, Object> toMap(Map<String, Object> shared) {
    Map<String, Object> all = new LinkedHashMap<>(properties);
    shared.forEach(all::putIfAbsent);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", all);
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    return schema;
  }
}
