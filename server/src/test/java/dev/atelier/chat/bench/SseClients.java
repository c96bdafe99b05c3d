package dev.atelier.chat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many SSE connections on one selector thread (thousands of them cost a few KiB each here, so the
 * figures are the server's): raw HTTP/1.1 with a chunked-transfer decoder and an SSE line parser.
 * Every {@code newMessage} event is reported with the time its bytes were read; other event names
 * (heartbeats, comments, other types) are ignored.
 */
final class SseClients implements AutoCloseable {

  /** Called on the selector thread for each newMessage event: the message id and the read time. */
  interface Receipts {
    void received(long messageId, long nanoTime);
  }

  private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*(\\d+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InetSocketAddress address;
  private final byte[] request;
  private final Receipts receipts;
  private final Selector selector;
  private final Thread loop;
  private final ConcurrentLinkedQueue<Connection> toRegister = new ConcurrentLinkedQueue<>();
  private final List<Connection> connections = new ArrayList<>();
  final AtomicInteger open = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();
  final AtomicInteger closedByServer = new AtomicInteger();
  private volatile String lastFailure = "";
  private volatile boolean running = true;

  SseClients(String host, int port, String pathAndQuery, String bearer, Receipts receipts)
      throws IOException {
    this.address = new InetSocketAddress(host, port);
    this.request =
        ("GET "
                + pathAndQuery
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nAuthorization: Bearer "
                + bearer
                + "\r\nAccept: text/event-stream\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    this.receipts = receipts;
    this.selector = Selector.open();
    this.loop = Thread.ofPlatform().name("sse-selector").daemon().start(this::run);
  }

  String lastFailure() {
    return lastFailure;
  }

  /**
   * Opens connections until {@code total} are open, at most {@code inFlight} at a time; returns
   * when all are open or the deadline passes.
   */
  void openUntil(int total, int inFlight, long deadlineNanos) throws InterruptedException {
    while (open.get() + failed.get() < total && System.nanoTime() < deadlineNanos) {
      int pending = connections.size() - open.get() - failed.get() - closedByServer.get();
      int started = 0;
      while (pending + started < inFlight
          && connections.size() - failed.get() - closedByServer.get() < total) {
        try {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          channel.connect(address);
          Connection connection = new Connection(channel);
          connections.add(connection);
          toRegister.add(connection);
          started++;
        } catch (IOException e) {
          failed.incrementAndGet();
          lastFailure = e.toString();
        }
      }
      selector.wakeup();
      Thread.sleep(5);
    }
  }

  private void run() {
    try {
      while (running) {
        selector.select(100);
        Connection added;
        while ((added = toRegister.poll()) != null) {
          added.channel.register(selector, SelectionKey.OP_CONNECT, added);
        }
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          Connection connection = (Connection) key.attachment();
          try {
            if (key.isConnectable()) {
              connection.channel.finishConnect();
              connection.channel.write(ByteBuffer.wrap(request));
              key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
              connection.read(key);
            }
          } catch (IOException | RuntimeException e) {
            connection.fail(key, e.toString());
          }
        }
      }
    } catch (IOException e) {
      lastFailure = e.toString();
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection connection : connections) {
      try {
        connection.channel.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    selector.close();
  }

  /** One connection: HTTP head, then chunked (or raw) body bytes, then SSE lines. */
  private final class Connection {
    private final SocketChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private final StringBuilder head = new StringBuilder();
    private boolean headDone;
    private boolean chunked;
    private boolean counted;
    // chunked decoder: -1 reading a size line, else bytes left in the chunk (then its CRLF)
    private long chunkLeft = -1;
    private int crlfToSkip;
    private final StringBuilder sizeLine = new StringBuilder();
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    private String eventName = "";
    private final StringBuilder data = new StringBuilder();

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void read(SelectionKey key) throws IOException {
      buffer.clear();
      int n = channel.read(buffer);
      long now = System.nanoTime();
      if (n < 0) {
        key.cancel();
        channel.close();
        if (counted) {
          open.decrementAndGet();
          closedByServer.incrementAndGet();
        } else {
          failed.incrementAndGet();
          lastFailure = "closed before the response head: " + head;
        }
        return;
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        byte b = buffer.get();
        if (!headDone) {
          head.append((char) b);
          if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
            headDone = true;
            String text = head.toString();
            if (!text.startsWith("HTTP/1.1 200")) {
              throw new IOException("answered " + text.lines().findFirst().orElse(""));
            }
            chunked =
                text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
            counted = true;
            open.incrementAndGet();
          }
        } else if (!chunked) {
          body(b, now);
        } else if (crlfToSkip > 0) {
          crlfToSkip--;
        } else if (chunkLeft < 0) {
          if (b == '\n') {
            String size = sizeLine.toString().strip();
            int semicolon = size.indexOf(';');
            chunkLeft = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
            sizeLine.setLength(0);
            if (chunkLeft == 0) {
              chunkLeft = -1; // last chunk; the server ends the stream
            }
          } else {
            sizeLine.append((char) b);
          }
        } else {
          body(b, now);
          if (--chunkLeft == 0) {
            chunkLeft = -1;
            crlfToSkip = 2;
          }
        }
      }
    }

    private void body(byte b, long now) {
      if (b != '\n') {
        line.write(b);
        return;
      }
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.isEmpty()) {
        dispatch(now);
      } else if (text.startsWith("event:")) {
        eventName = text.substring(6).strip();
      } else if (text.startsWith("data:")) {
        if (!data.isEmpty()) {
          data.append('\n');
        }
        data.append(text.substring(5).stripLeading());
      }
    }

    private void dispatch(long now) {
      String name = eventName;
      String payload = data.toString();
      eventName = "";
      data.setLength(0);
      if (!name.equals("newMessage") || payload.isEmpty()) {
        return;
      }
      Matcher matcher = MESSAGE_ID.matcher(payload);
      if (matcher.find()) {
        receipts.received(Long.parseLong(matcher.group(1)), now);
        return;
      }
      JsonNode id = JSON.readTree(payload).path("payload").path("messageId");
      if (id.isNumber()) {
        receipts.received(id.asLong(), now);
      }
    }

    void fail(SelectionKey key, String why) {
      key.cancel();
      try {
        channel.close();
      } catch (IOException e) {
        // already failing
      }
      if (counted) {
        open.decrementAndGet();
        closedByServer.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
      lastFailure = why;
    }
  }
}
