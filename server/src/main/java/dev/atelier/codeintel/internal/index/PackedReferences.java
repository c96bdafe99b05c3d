package dev.atelier.codeintel.internal.index;

import dev.atelier.codeintel.RefKind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A blob's references as one text value ({@code blob_refs.refs}): a line per reference in ordinal
 * order, fields separated by tabs: name, kind, qualifier (empty when none, a space when blank),
 * line, start column, end column, enclosing symbol ordinal (empty when none), and, only when known,
 * the receiver's declared type (empty when unknown) and a call's argument count (empty when
 * unknown). The V9 migration writes the same format in SQL (without the last two).
 */
public final class PackedReferences {

  private PackedReferences() {}

  /** One reference as stored; columns are byte columns, {@code enclosing} is -1 at top level. */
  public record StoredReference(
      String name,
      RefKind kind,
      @Nullable String qualifier,
      int line,
      int startColumn,
      int endColumn,
      int enclosing,
      @Nullable String receiverType,
      int arguments) {

    /** A reference whose receiver's type is not known. */
    public StoredReference(
        String name,
        RefKind kind,
        @Nullable String qualifier,
        int line,
        int startColumn,
        int endColumn,
        int enclosing) {
      this(name, kind, qualifier, line, startColumn, endColumn, enclosing, null, -1);
    }
  }

  /** The text for a blob's references, empty when it has none. */
  public static String pack(List<StoredReference> references) {
    StringBuilder out = new StringBuilder(references.size() * 32);
    for (StoredReference r : references) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append(storedName(r.name())).append('\t').append(r.kind().id()).append('\t');
      String qualifier = storedQualifier(r.qualifier());
      if (qualifier != null) {
        out.append(qualifier);
      }
      out.append('\t').append(r.line());
      out.append('\t').append(r.startColumn());
      out.append('\t').append(r.endColumn()).append('\t');
      if (r.enclosing() >= 0) {
        out.append(r.enclosing());
      }
      String type = r.receiverType();
      String typeText = type == null || type.isBlank() ? "" : clean(type);
      if (!typeText.isEmpty() || r.arguments() >= 0) {
        out.append('\t').append(typeText);
        out.append('\t');
        if (r.arguments() >= 0) {
          out.append(r.arguments());
        }
      }
    }
    return out.toString();
  }

  /** The references a {@link #pack} text holds, by ordinal. */
  public static List<StoredReference> unpack(@Nullable String packed) {
    if (packed == null || packed.isEmpty()) {
      return List.of();
    }
    List<StoredReference> out = new ArrayList<>();
    Cursor c = new Cursor(packed);
    while (c.more()) {
      String name = c.text();
      RefKind kind = kind(c.text());
      String qualifier = c.text();
      int line = c.number();
      int start = c.number();
      int end = c.number();
      int enclosing = c.number();
      String type = c.afterTab() ? c.text() : null;
      int arguments = c.afterTab() ? c.number() : -1;
      out.add(
          new StoredReference(
              name,
              kind,
              qualifier.isEmpty() ? null : qualifier,
              line,
              start,
              end,
              enclosing,
              type == null || type.isEmpty() ? null : type,
              arguments));
    }
    return out;
  }

  private static RefKind kind(String id) {
    return switch (id) {
      case "call" -> RefKind.CALL;
      case "type" -> RefKind.TYPE;
      default -> RefKind.ofId(id);
    };
  }

  /** A reference's name as {@link #unpack} returns it. */
  public static String storedName(String name) {
    return clean(name);
  }

  /** A reference's qualifier as {@link #unpack} returns it. */
  public static @Nullable String storedQualifier(@Nullable String qualifier) {
    if (qualifier == null) {
      return null;
    }
    return qualifier.isBlank() ? " " : clean(qualifier);
  }

  private static String clean(String text) {
    return text.indexOf('\t') < 0 && text.indexOf('\n') < 0
        ? text
        : text.replace('\t', ' ').replace('\n', ' ');
  }

  /** Reads fields left to right; each read consumes its separator. */
  private static final class Cursor {
    private final String text;
    private int at;

    Cursor(String text) {
      this.text = text;
    }

    boolean more() {
      return at < text.length();
    }

    /** Whether the last field read ended at a tab (another field of the same line follows). */
    boolean afterTab() {
      return at > 0 && at <= text.length() && text.charAt(at - 1) == '\t';
    }

    String text() {
      int end = end();
      String field = text.substring(at, end);
      at = end + 1;
      return field;
    }

    /** A whole number, or -1 for an empty field. */
    int number() {
      int end = end();
      if (end == at) {
        at = end + 1;
        return -1;
      }
      int value = 0;
      boolean negative = text.charAt(at) == '-';
      for (int i = negative ? at + 1 : at; i < end; i++) {
        char ch = text.charAt(i);
        if (ch < '0' || ch > '9') {
          throw new IllegalStateException("corrupt packed references at offset " + i);
        }
        value = value * 10 + (ch - '0');
      }
      at = end + 1;
      return negative ? -value : value;
    }

    private int end() {
      int i = at;
      while (i < text.length()) {
        char ch = text.charAt(i);
        if (ch == '\t' || ch == '\n') {
          return i;
        }
        i++;
      }
      return i;
    }
  }
}
