package dev.atelier.codeintel;

import dev.atelier.codeintel.internal.classify.FileClassifier;
import dev.atelier.platform.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes the rows the indexing pipeline would: orgs, blobs, symbols and chunks. */
final class CodeIndexRows {

  private final JdbcClient jdbc;

  CodeIndexRows(Database database) {
    this.jdbc = JdbcClient.create(database.dataSource());
  }

  long newOrg() {
    String slug = "org-" + UUID.randomUUID();
    return jdbc.sql("INSERT INTO orgs (slug, name) VALUES (?, ?) RETURNING id")
        .params(slug, slug)
        .query(Long.class)
        .single();
  }

  long blob(long org, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    return jdbc.sql(
            "INSERT INTO blobs (org_id, sha256, size_bytes, content_kind, content, utf8_valid)"
                + " VALUES (?, ?, ?, 'text', ?, ?) RETURNING id")
        .params(org, sha256(content), content.length, content, true)
        .query(Long.class)
        .single();
  }

  void symbol(
      long org,
      long blob,
      int ordinal,
      String name,
      SymbolKind kind,
      String qualifiedName,
      String signature,
      int startByte,
      int endByte) {
    jdbc.sql(
            """
            INSERT INTO symbols (org_id, blob_id, ordinal, name, kind, qualified_name, signature,
                start_line, start_column, end_line, end_column, start_byte, end_byte, name_line,
                name_column)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, 1, 0, ?, ?, 1, 0)
            """)
        .params(org, blob, ordinal, name, kind.id(), qualifiedName, signature, startByte, endByte)
        .update();
  }

  long chunk(long org, long blob, int ordinal, Integer symbolOrdinal, int startByte, int endByte) {
    return jdbc.sql(
            """
            INSERT INTO chunks (org_id, blob_id, ordinal, symbol_ordinal, start_line, end_line,
                start_byte, end_byte, token_estimate)
            VALUES (?, ?, ?, ?, 1, 1, ?, ?, ?) RETURNING id
            """)
        .params(
            org,
            blob,
            ordinal,
            symbolOrdinal,
            startByte,
            endByte,
            Math.max(1, (endByte - startByte) / 4))
        .query(Long.class)
        .single();
  }

  /** A repository whose one branch's current manifest holds these blobs at these paths. */
  void currentManifest(long org, Map<String, Long> blobsByPath) {
    String name = "repo-" + UUID.randomUUID();
    long repository =
        jdbc.sql(
                "INSERT INTO repositories (org_id, name, kind, location, default_branch)"
                    + " VALUES (?, ?, 'working_tree', ?, 'main') RETURNING id")
            .params(org, name, "/tmp/" + name)
            .query(Long.class)
            .single();
    long branch =
        jdbc.sql(
                "INSERT INTO branches (org_id, repository_id, name) VALUES (?, ?, 'main')"
                    + " RETURNING id")
            .params(org, repository)
            .query(Long.class)
            .single();
    long manifest =
        jdbc.sql("INSERT INTO manifests (org_id, branch_id) VALUES (?, ?) RETURNING id")
            .params(org, branch)
            .query(Long.class)
            .single();
    // Classified as the indexer classifies: by path and the content's first lines.
    FileClassifier classifier = new FileClassifier();
    blobsByPath.forEach((path, blob) -> {
      byte[] content =
          jdbc.sql("SELECT content FROM blobs WHERE org_id = ? AND id = ?")
              .params(org, blob)
              .query((row, n) -> row.getBytes(1))
              .optional()
              .orElse(new byte[0]);
      String head = new String(content == null ? new byte[0] : content, StandardCharsets.UTF_8);
      jdbc.sql(
              "INSERT INTO manifest_entries (manifest_id, org_id, path, blob_id, file_class)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(manifest, org, path, blob, classifier.classify(path, head).stored())
          .update();
    });
    jdbc.sql("UPDATE branches SET manifest_id = ? WHERE org_id = ? AND id = ?")
        .params(manifest, org, branch)
        .update();
  }

  void deleteChunk(long org, long chunk) {
    jdbc.sql("DELETE FROM chunks WHERE org_id = ? AND id = ?").params(org, chunk).update();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
