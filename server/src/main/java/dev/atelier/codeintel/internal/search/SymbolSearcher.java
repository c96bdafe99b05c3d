package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.SymbolHit;
import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.cache.CacheFolder;
import dev.atelier.codeintel.internal.cache.ManifestKeys;
import dev.atelier.platform.DatabaseVendor;
import dev.atelier.platform.Sql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Symbol-name search over one manifest: every name is scored by {@link NameMatcher} and the best
 * are returned with their locations. Each manifest's names are loaded once and kept for the few
 * most recent manifests (a branch's manifest id changes with every index run).
 */
public final class SymbolSearcher {

  private static final int CACHED_MANIFESTS = 4;
  // Files of other branches' and older manifests stay until this many are on disk.
  private static final int CACHED_FILES = 6;

  private final Sql sql;
  private final Map<Long, SymbolNameIndex> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(8, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, SymbolNameIndex> eldest) {
              return size() > CACHED_MANIFESTS;
            }
          });

  private final CacheFolder files;

  public SymbolSearcher(DataSource dataSource, DatabaseVendor vendor, CacheFolder files) {
    this.sql = new Sql(dataSource, vendor);
    this.files = files;
  }

  public List<SymbolHit> search(
      long orgId, long manifestId, String query, Set<SymbolKind> kinds, int limit) {
    SymbolNameIndex index = index(orgId, manifestId);
    NameMatcher matcher = new NameMatcher(query.strip());
    PriorityQueue<Scored> best =
        new PriorityQueue<>(Comparator.comparingInt((Scored s) -> s.score().value()));
    long wanted = matcher.characters();
    for (int group = 0; group < index.names(); group++) {
      if (!index.mayMatch(group, wanted)) {
        continue;
      }
      NameMatcher.Score score = matcher.score(index.name(group), index.lowerName(group));
      if (score.value() == 0) {
        continue;
      }
      for (int i = index.firstSymbol(group); i < index.endSymbol(group); i++) {
        if (!kinds.isEmpty() && !kinds.contains(index.kind(i))) {
          continue;
        }
        if (best.size() < limit) {
          best.add(new Scored(i, score));
        } else if (score.value() > best.element().score().value()) {
          best.poll();
          best.add(new Scored(i, score));
        } else {
          break; // the rest of the group scores the same
        }
      }
    }
    List<Scored> ranked = new ArrayList<>(best);
    ranked.sort(Comparator.comparingInt((Scored s) -> -s.score().value()));
    Map<Long, SymbolHit> details = details(orgId, manifestId, ranked, index);
    List<SymbolHit> hits = new ArrayList<>(ranked.size());
    for (Scored scored : ranked) {
      SymbolHit hit = details.get(index.id(scored.position()));
      if (hit != null) {
        hits.add(hit);
      }
    }
    // Equal scores: definitions of types first, then shorter paths (closer to the root).
    hits.sort(
        Comparator.comparingInt((SymbolHit h) -> -h.score())
            .thenComparing(h -> !h.kind().isContainer())
            .thenComparingInt(h -> h.path().length())
            .thenComparing(SymbolHit::path)
            .thenComparingInt(SymbolHit::line));
    return hits;
  }

  /** The symbols of one file of the manifest, in source order. */
  public List<SymbolHit> outline(long orgId, long manifestId, String path) {
    return sql.jdbcTemplate()
        .query(
            "SELECT s.name, s.kind, s.qualified_name, s.container, s.signature, e.path,"
                + " s.name_line, s.name_column FROM manifest_entries e JOIN symbols s"
                + " ON s.org_id = e.org_id AND s.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? AND e.path = ? ORDER BY s.ordinal",
            (row, n) ->
                new SymbolHit(
                    row.getString(1),
                    SymbolKind.ofId(row.getString(2)),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getInt(7),
                    row.getInt(8),
                    0,
                    "outline"),
            orgId,
            manifestId,
            path);
  }

  private SymbolNameIndex index(long orgId, long manifestId) {
    SymbolNameIndex cached = cache.get(manifestId);
    if (cached != null) {
      return cached;
    }
    SymbolNameIndex loaded =
        files.readOrBuild(
            "symbols-" + orgId + "-" + manifestId,
            "symbol names " + ManifestKeys.of(sql, orgId, manifestId),
            SymbolNameIndex::read,
            () -> load(orgId, manifestId),
            SymbolNameIndex::write);
    files.prune("symbols-" + orgId + "-", CACHED_FILES);
    cache.put(manifestId, loaded);
    return loaded;
  }

  private SymbolNameIndex load(long orgId, long manifestId) {
    Columns columns = new Columns();
    sql.jdbcTemplate()
        .query(
            "SELECT s.id, s.name, s.kind FROM manifest_entries e JOIN symbols s"
                + " ON s.org_id = e.org_id AND s.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ?",
            row -> {
              columns.add(row.getLong(1), row.getString(2), row.getString(3));
            },
            orgId,
            manifestId);
    return columns.build();
  }

  private Map<Long, SymbolHit> details(
      long orgId, long manifestId, List<Scored> ranked, SymbolNameIndex index) {
    Map<Long, SymbolHit> byId = new HashMap<>();
    if (ranked.isEmpty()) {
      return byId;
    }
    Map<Long, Integer> scores = new HashMap<>();
    Map<Long, String> matches = new HashMap<>();
    List<Object> params = new ArrayList<>();
    params.add(orgId);
    params.add(manifestId);
    for (Scored scored : ranked) {
      NameMatcher.Score score = scored.score();
      long id = index.id(scored.position());
      scores.put(id, score.value());
      matches.put(id, score.match().name().toLowerCase(Locale.ROOT));
      params.add(id);
    }
    String marks = String.join(",", Collections.nCopies(ranked.size(), "?"));
    sql.jdbcTemplate()
        .query(
            "SELECT s.id, s.name, s.kind, s.qualified_name, s.container, s.signature, e.path,"
                + " s.name_line, s.name_column FROM manifest_entries e JOIN symbols s"
                + " ON s.org_id = e.org_id AND s.blob_id = e.blob_id"
                + " WHERE e.org_id = ? AND e.manifest_id = ? AND s.id IN ("
                + marks
                + ")",
            row -> {
              long id = row.getLong(1);
              byId.put(
                  id,
                  new SymbolHit(
                      row.getString(2),
                      SymbolKind.ofId(row.getString(3)),
                      row.getString(4),
                      row.getString(5),
                      row.getString(6),
                      row.getString(7),
                      row.getInt(8),
                      row.getInt(9),
                      scores.getOrDefault(id, 0),
                      matches.getOrDefault(id, "")));
            },
            params.toArray());
    return byId;
  }

  /** A name's position in the index and its score. */
  private record Scored(int position, NameMatcher.Score score) {}

  /** Growable columns for loading. */
  private static final class Columns {
    private long[] ids = new long[1024];
    private String[] names = new String[1024];
    private SymbolKind[] kinds = new SymbolKind[1024];
    private int size;
    private final Map<String, String> interned = new HashMap<>();

    void add(long id, String name, String kind) {
      if (size == ids.length) {
        ids = java.util.Arrays.copyOf(ids, size * 2);
        names = java.util.Arrays.copyOf(names, size * 2);
        kinds = java.util.Arrays.copyOf(kinds, size * 2);
      }
      ids[size] = id;
      names[size] = interned.computeIfAbsent(name, n -> n);
      kinds[size] = SymbolKind.ofId(kind);
      size++;
    }

    SymbolNameIndex build() {
      return SymbolNameIndex.of(ids, names, kinds, size);
    }
  }
}
