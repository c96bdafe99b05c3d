package dev.atelier.mcp;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Hands each complete line that passes through to a watcher, unchanged for the reader. */
final class LineWatchingInputStream extends FilterInputStream {

  private final Consumer<String> watcher;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineWatchingInputStream(InputStream in, Consumer<String> watcher) {
    super(in);
    this.watcher = watcher;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      see(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      see(buffer[offset + i]);
    }
    return n;
  }

  private void see(int b) {
    if (b == '\n') {
      watcher.accept(line.toString(StandardCharsets.UTF_8));
      line.reset();
    } else {
      line.write(b);
    }
  }
}
