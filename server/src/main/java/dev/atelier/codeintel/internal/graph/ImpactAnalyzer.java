package dev.atelier.codeintel.internal.graph;

import dev.atelier.codeintel.GraphAnalysis.Dependent;
import dev.atelier.codeintel.GraphAnalysis.Impact;
import dev.atelier.codeintel.GraphAnalysis.Symbol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blast radius of a change: changed files walk the file graph backwards (who imports or
 * references them), changed symbols walk the reference graph backwards (who references them, and
 * who references those). Each dependent keeps its shortest distance; tests are picked out by
 * convention, plus the tests whose names say they test a changed file.
 */
public final class ImpactAnalyzer {

  private static final int THROUGH_SHOWN = 3;

  private final BranchGraph g;

  public ImpactAnalyzer(BranchGraph graph) {
    this.g = graph;
  }

  public Impact impact(List<String> files, List<String> symbols, int depth) {
    int n = g.fileCount();
    int[] distance = new int[n];
    Arrays.fill(distance, Integer.MAX_VALUE);
    int[] via = new int[n];
    Arrays.fill(via, -1);
    boolean[] changed = new boolean[n];
    Map<Integer, Set<String>> through = new HashMap<>();

    IntList frontier = new IntList(16);
    Set<String> changedFiles = new LinkedHashSet<>();
    for (String path : files) {
      int f = g.requireFile(path);
      changedFiles.add(path);
      if (!changed[f]) {
        changed[f] = true;
        distance[f] = 0;
        frontier.add(f);
      }
    }
    List<Symbol> changedSymbols = new ArrayList<>();
    int[] seeds = new int[0];
    for (String name : symbols) {
      int[] definitions = g.requireDefinitions(name);
      for (int d : definitions) {
        changedSymbols.add(g.symbol(d));
        changed[g.symFile[d]] = true;
      }
      int[] more = g.withMembers(definitions);
      int[] merged = Arrays.copyOf(seeds, seeds.length + more.length);
      System.arraycopy(more, 0, merged, seeds.length, more.length);
      seeds = merged;
    }

    // Files: backwards over imports and references, nearest change first.
    int[] level = frontier.toArray();
    for (int d = 1; d <= depth && level.length > 0; d++) {
      IntList next = new IntList(16);
      for (int f : level) {
        for (int e = g.in.start[f]; e < g.in.start[f + 1]; e++) {
          int other = g.in.other[e];
          if (distance[other] == Integer.MAX_VALUE) {
            distance[other] = d;
            via[other] = f;
            next.add(other);
          }
        }
      }
      level = next.toArray();
    }

    // Symbols: backwards over resolved references; a file's distance is its nearest reference.
    boolean[] seen = new boolean[g.symbolCount()];
    for (int s : seeds) {
      seen[s] = true;
    }
    level = seeds;
    for (int d = 1; d <= depth && level.length > 0; d++) {
      IntList next = new IntList(16);
      for (int s : level) {
        for (int i = g.symInStart[s]; i < g.symInStart[s + 1]; i++) {
          int e = g.symInEdges[i];
          int file = g.refFromFile[e];
          int from = g.refFromSym[e];
          if (!changed[file] && d <= distance[file]) {
            if (d < distance[file]) {
              distance[file] = d;
              via[file] = g.symFile[s];
              through.remove(file);
            }
            through
                .computeIfAbsent(file, k -> new LinkedHashSet<>())
                .add(from >= 0 ? g.symQualified[from] : "(top level)");
          }
          if (from >= 0 && !seen[from]) {
            seen[from] = true;
            next.add(from);
          }
        }
      }
      level = next.toArray();
    }

    // Tests named after a changed file count as its direct dependents.
    Set<String> changedNames = new HashSet<>();
    for (int f = 0; f < n; f++) {
      if (changed[f]) {
        changedNames.add(fileName(g.paths[f]));
      }
    }
    if (!changedNames.isEmpty()) {
      for (int f = 0; f < n; f++) {
        String subject = g.testSubject[f];
        if (!changed[f] && subject != null && changedNames.contains(subject) && distance[f] > 1) {
          distance[f] = 1;
          via[f] = namesake(subject, changed);
        }
      }
    }

    List<Dependent> dependents = new ArrayList<>();
    for (int f = 0; f < n; f++) {
      if (!changed[f] && distance[f] <= depth) {
        List<String> names = List.copyOf(through.getOrDefault(f, Set.of()));
        dependents.add(
            new Dependent(
                g.paths[f],
                distance[f],
                g.in.degree(f),
                via[f] >= 0 ? g.paths[via[f]] : "",
                g.test[f],
                names.subList(0, Math.min(THROUGH_SHOWN, names.size()))));
      }
    }
    dependents.sort(
        Comparator.comparingInt(Dependent::distance)
            .thenComparing(Comparator.comparingInt(Dependent::fanIn).reversed())
            .thenComparing(Dependent::path));
    return new Impact(
        List.copyOf(changedFiles),
        changedSymbols,
        dependents,
        dependents.stream().filter(Dependent::test).toList());
  }

  private int namesake(String name, boolean[] changed) {
    for (int f = 0; f < changed.length; f++) {
      if (changed[f] && fileName(g.paths[f]).equals(name)) {
        return f;
      }
    }
    return -1;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
