package dev.atelier.mcp;

import dev.atelier.platform.AtelierException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call's arguments, read with their types checked: a missing or mistyped argument fails with a
 * message that names it and says what was expected, so an agent can correct the call. Numbers and
 * booleans may also arrive as strings ({@code atelier tool NAME --arg depth=2}); lists as arrays or
 * comma-separated strings.
 */
public final class ToolArguments {

  /** The largest budget a call may ask for; larger ones are cut to it. */
  public static final int MAX_TOKENS_CAP = 100_000;

  public static final int MIN_TOKENS = 50;

  private final Map<String, Object> values;

  public ToolArguments(Map<String, Object> values) {
    this.values =
        Map.copyOf(
            values.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  public static ToolArguments of(Map<String, Object> values) {
    return new ToolArguments(values);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Map<String, Object> asMap() {
    return values;
  }

  /** A required, non-blank string. */
  public String string(String name) {
    return optionalString(name).orElseThrow(() -> invalid(name + " is required"));
  }

  public String string(String name, String fallback) {
    return optionalString(name).orElse(fallback);
  }

  public Optional<String> optionalString(String name) {
    Object value = values.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
    if (value instanceof Number || value instanceof Boolean) {
      return Optional.of(String.valueOf(value));
    }
    throw invalid(name + " must be a string, not " + describe(value));
  }

  /** An integer within {@code [min, max]}; out of range is an error, not a silent clamp. */
  public int integer(String name, int fallback, int min, int max) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    long number = number(name, value);
    if (number < min || number > max) {
      throw invalid(name + " must be between " + min + " and " + max + ", not " + number);
    }
    return (int) number;
  }

  public boolean bool(String name, boolean fallback) {
    Object value = values.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw invalid(name + " must be true or false, not " + describe(value));
  }

  /** A list of strings, from a JSON array or a comma-separated string; empty when absent. */
  public List<String> strings(String name) {
    Object value = values.get(name);
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw invalid(name + " must be a list of strings, not a list holding " + describe(item));
        }
        out.add(s.strip());
      }
    } else if (value instanceof String s) {
      Arrays.stream(s.split(",")).map(String::strip).forEach(out::add);
    } else {
      throw invalid(name + " must be a list of strings, not " + describe(value));
    }
    out.removeIf(String::isEmpty);
    return List.copyOf(out);
  }

  /**
   * The {@code max_tokens} budget: below {@value #MIN_TOKENS} is an error (nothing useful fits),
   * above {@value #MAX_TOKENS_CAP} is cut to it.
   */
  public int maxTokens(int fallback) {
    Object value = values.get("max_tokens");
    if (value == null) {
      return fallback;
    }
    long tokens = number("max_tokens", value);
    if (tokens < MIN_TOKENS) {
      throw invalid("max_tokens must be at least " + MIN_TOKENS + ", not " + tokens);
    }
    return (int) Math.min(tokens, MAX_TOKENS_CAP);
  }

  private static long number(String name, Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return (long) d;
      }
      throw invalid(name + " must be a whole number, not " + value);
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw invalid(name + " must be a whole number, not \"" + s + "\"");
      }
    }
    throw invalid(name + " must be a whole number, not " + describe(value));
  }

  private static String describe(Object value) {
    return switch (value) {
      case List<?> l -> "a list";
      case Map<?, ?> m -> "an object";
      case String s -> "\"" + s + "\"";
      default -> String.valueOf(value);
    };
  }

  public static AtelierException invalid(String message) {
    return new AtelierException(McpError.INVALID_ARGUMENT, message);
  }
}
