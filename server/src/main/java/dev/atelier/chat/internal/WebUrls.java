package dev.atelier.chat.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** URLs of the web app's pages, encoded as its router (web/src/lib/router.ts) writes them. */
final class WebUrls {

  private WebUrls() {}

  /** Like JavaScript's encodeURIComponent. */
  static String component(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%21", "!")
        .replace("%27", "'")
        .replace("%28", "(")
        .replace("%29", ")")
        .replace("%7E", "~");
  }

  /** A file path, each segment encoded, empty segments dropped (router.ts's encodePath). */
  static String path(String path) {
    return Arrays.stream(path.split("/"))
        .filter(segment -> !segment.isEmpty())
        .map(WebUrls::component)
        .collect(Collectors.joining("/"));
  }

  /** Links that leave the app: they open in a new tab with rel=nofollow noopener. */
  static boolean isExternal(String destination) {
    String lower = destination.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:");
  }
}
