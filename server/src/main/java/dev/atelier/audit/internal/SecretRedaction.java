package dev.atelier.audit.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Values whose name says they are secret are written as {@code [redacted]}, at any depth. */
final class SecretRedaction {

  static final String REDACTED = "[redacted]";
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          ".*(token|secret|password|passwd|code|key|cookie|authorization|credential).*");

  private SecretRedaction() {}

  static Map<String, Object> redact(Map<String, ?> values) {
    Map<String, Object> safe = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        safe.put(name, REDACTED);
      } else if (value instanceof Map<?, ?> nested) {
        Map<String, Object> inner = new LinkedHashMap<>();
        nested.forEach((k, v) -> inner.put(String.valueOf(k), v));
        safe.put(name, redact(inner));
      } else {
        safe.put(name, value);
      }
    });
    return safe;
  }
}
