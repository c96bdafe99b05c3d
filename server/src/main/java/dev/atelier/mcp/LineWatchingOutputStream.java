package dev.atelier.mcp;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Hands each complete line written to a watcher once it has been flushed to the real stream, so
 * "written" means the client can read it.
 */
final class LineWatchingOutputStream extends FilterOutputStream {

  private final Consumer<String> watcher;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final java.util.List<String> pending = new java.util.ArrayList<>();

  LineWatchingOutputStream(OutputStream out, Consumer<String> watcher) {
    super(out);
    this.watcher = watcher;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    out.write(b);
    see(b);
  }

  @Override
  public synchronized void write(byte[] buffer, int offset, int length) throws IOException {
    out.write(buffer, offset, length);
    for (int i = 0; i < length; i++) {
      see(buffer[offset + i]);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
    for (String complete : pending) {
      watcher.accept(complete);
    }
    pending.clear();
  }

  private void see(int b) {
    if (b == '\n') {
      pending.add(line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      line.write(b);
    }
  }
}
