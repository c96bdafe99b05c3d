package dev.atelier.codeintel.internal.search;

import dev.atelier.codeintel.SymbolKind;
import dev.atelier.codeintel.internal.cache.CacheReader;
import dev.atelier.codeintel.internal.cache.CacheWriter;
import dev.atelier.codeintel.internal.cache.CorruptCacheFile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The symbol names of one manifest, in memory, for name matching that SQL cannot express (camel
 * humps, fuzzy subsequences). Symbols are grouped by name, so each distinct name is scored once
 * (the Go stdlib has ~250k symbols but far fewer names), with its lower case computed at load.
 */
final class SymbolNameIndex {

  private final String[] names;
  private final String[] lowerNames;
  private final long[] characters;
  // Symbols of name i are at [groupStart[i], groupStart[i + 1]) of ids and kinds.
  private final int[] groupStart;
  private final long[] ids;
  private final SymbolKind[] kinds;

  private SymbolNameIndex(
      String[] names, String[] lowerNames, int[] groupStart, long[] ids, SymbolKind[] kinds) {
    this.names = names;
    this.lowerNames = lowerNames;
    this.characters = new long[lowerNames.length];
    Arrays.setAll(characters, g -> NameMatcher.characters(lowerNames[g]));
    this.groupStart = groupStart;
    this.ids = ids;
    this.kinds = kinds;
  }

  /** Groups {@code size} loaded symbols by name. */
  static SymbolNameIndex of(long[] ids, String[] names, SymbolKind[] kinds, int size) {
    Integer[] order = new Integer[size];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
    long[] sortedIds = new long[size];
    SymbolKind[] sortedKinds = new SymbolKind[size];
    String[] distinct = new String[size];
    int[] starts = new int[size + 1];
    int groups = 0;
    for (int i = 0; i < size; i++) {
      int from = order[i];
      sortedIds[i] = ids[from];
      sortedKinds[i] = kinds[from];
      if (groups == 0 || !distinct[groups - 1].equals(names[from])) {
        distinct[groups] = names[from];
        starts[groups] = i;
        groups++;
      }
    }
    starts[groups] = size;
    String[] lower = new String[groups];
    for (int g = 0; g < groups; g++) {
      lower[g] = distinct[g].toLowerCase(Locale.ROOT);
    }
    return new SymbolNameIndex(
        Arrays.copyOf(distinct, groups),
        lower,
        Arrays.copyOf(starts, groups + 1),
        sortedIds,
        sortedKinds);
  }

  void write(CacheWriter out) {
    out.writeStrings(names);
    out.writeInts(groupStart);
    out.writeLongs(ids);
    String[] kindIds = new String[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      kindIds[i] = kinds[i].id();
    }
    out.writeStrings(kindIds);
  }

  static SymbolNameIndex read(CacheReader in) {
    String[] names = in.readStrings();
    int[] groupStart = in.readInts();
    long[] ids = in.readLongs();
    String[] kindIds = in.readStrings();
    if (groupStart.length != names.length + 1 || kindIds.length != ids.length) {
      throw new CorruptCacheFile("symbol name columns of different lengths");
    }
    int previous = 0;
    for (int start : groupStart) {
      if (start < previous || start > ids.length) {
        throw new CorruptCacheFile("symbol name groups out of order");
      }
      previous = start;
    }
    Map<String, SymbolKind> known = new HashMap<>();
    SymbolKind[] kinds = new SymbolKind[kindIds.length];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = known.computeIfAbsent(kindIds[i], SymbolKind::ofId);
    }
    String[] lower = new String[names.length];
    for (int g = 0; g < names.length; g++) {
      lower[g] = names[g].toLowerCase(Locale.ROOT);
    }
    return new SymbolNameIndex(names, lower, groupStart, ids, kinds);
  }

  /** How many distinct names. */
  int names() {
    return names.length;
  }

  String name(int group) {
    return names[group];
  }

  String lowerName(int group) {
    return lowerNames[group];
  }

  /** Whether name {@code group} holds every character of {@code wanted} (see NameMatcher). */
  boolean mayMatch(int group, long wanted) {
    return (characters[group] & wanted) == wanted;
  }

  int firstSymbol(int group) {
    return groupStart[group];
  }

  int endSymbol(int group) {
    return groupStart[group + 1];
  }

  long id(int symbol) {
    return ids[symbol];
  }

  SymbolKind kind(int symbol) {
    return kinds[symbol];
  }
}
