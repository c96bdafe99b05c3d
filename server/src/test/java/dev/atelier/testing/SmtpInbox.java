package dev.atelier.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server for tests (the subset RFC 5321 needs to accept mail: EHLO/HELO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT), listening on loopback and keeping every message it is given.
 */
public final class SmtpInbox implements AutoCloseable {

  /** One accepted message: the envelope recipients and the raw data (headers and body). */
  public record Message(List<String> recipients, String data) {}

  private final ServerSocket socket;
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public SmtpInbox() throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofVirtual().name("smtp-inbox").start(this::acceptAll);
  }

  public int port() {
    return socket.getLocalPort();
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  private void acceptAll() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofVirtual().start(() -> converse(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
      reply(out, "220 inbox ESMTP");
      List<String> recipients = new CopyOnWriteArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (verb) {
          case "EHLO", "HELO" -> reply(out, "250 inbox");
          case "MAIL", "NOOP" -> reply(out, "250 OK");
          case "RSET" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            StringBuilder data = new StringBuilder();
            for (String body = in.readLine();
                body != null && !body.equals(".");
                body = in.readLine()) {
              data.append(body.startsWith("..") ? body.substring(1) : body).append('\n');
            }
            messages.add(new Message(List.copyOf(recipients), data.toString()));
            recipients.clear();
            reply(out, "250 OK: queued");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 command not implemented");
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}
