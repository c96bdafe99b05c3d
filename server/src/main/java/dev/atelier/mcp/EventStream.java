package dev.atelier.mcp;

import static java.util.Objects.requireNonNull;

import java.util.Iterator;
import java.util.function.Consumer;

/**
 * Reads a {@code text/event-stream} body line by line and hands over each event's data (its {@code
 * data:} lines joined by newlines) when the blank line that ends the event arrives.
 */
final class EventStream {

  private final Consumer<String> onData;

  EventStream(Consumer<String> onData) {
    this.onData = requireNonNull(onData, "onData is null");
  }

  void read(Iterator<String> lines) {
    StringBuilder data = new StringBuilder();
    boolean any = false;
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (any) {
          onData.accept(data.toString());
        }
        data.setLength(0);
        any = false;
      } else if (line.startsWith("data:")) {
        if (any) {
          data.append('\n');
        }
        String value = line.substring(5);
        data.append(value.startsWith(" ") ? value.substring(1) : value);
        any = true;
      }
    }
    if (any) {
      onData.accept(data.toString());
    }
  }
}
