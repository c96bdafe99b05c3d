package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.CodeIntelError;
import dev.atelier.platform.AtelierException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Where a page of a text search ends, opaque to clients. It pins the manifest the first page was
 * read from, so that every page counts from the same ranked list and each match is returned exactly
 * once; and it carries a digest of the query, so a cursor cannot continue another query.
 *
 * @param manifestId the manifest the search ran over
 * @param offset matching lines before the next page
 * @param query the digest of the search's identity (see {@link #digest})
 */
record PageCursor(long manifestId, int offset, String query) {

  private static final String VERSION = "t1";

  String encode() {
    String plain = VERSION + ":" + manifestId + ":" + offset + ":" + query;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a cursor; anything this class did not write is a 400, never a 500. */
  static PageCursor decode(String cursor) {
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      String[] parts = plain.split(":", -1);
      if (parts.length != 4 || !parts[0].equals(VERSION)) {
        throw invalid();
      }
      int offset = Integer.parseInt(parts[2]);
      if (offset < 0) {
        throw invalid();
      }
      return new PageCursor(Long.parseLong(parts[1]), offset, parts[3]);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  /** A short digest of everything that decides a search's ranked list. */
  static String digest(String identity) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static AtelierException invalid() {
    return new AtelierException(
        CodeIntelError.INVALID_CURSOR,
        "the cursor is not one this server gave out; start the search again without it");
  }
}
