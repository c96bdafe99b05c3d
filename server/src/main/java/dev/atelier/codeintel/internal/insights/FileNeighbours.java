package dev.atelier.codeintel.internal.insights;

import dev.atelier.codeintel.CodeGraph.FileEdge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A branch's file graph (imports and resolved references) held both ways round, for fan-in and for
 * the neighbours of one file.
 */
public final class FileNeighbours {

  private final Map<String, Map<String, FileEdge>> out = new HashMap<>();
  private final Map<String, Map<String, FileEdge>> in = new HashMap<>();

  public FileNeighbours(List<FileEdge> edges) {
    for (FileEdge edge : edges) {
      out.computeIfAbsent(edge.from(), k -> new HashMap<>()).put(edge.to(), edge);
      in.computeIfAbsent(edge.to(), k -> new HashMap<>()).put(edge.from(), edge);
    }
  }

  /** The files that import {@code path} or reference something in it. */
  public int fanIn(String path) {
    return in.getOrDefault(path, Map.of()).size();
  }

  /** What {@code path} depends on, by file. */
  public Map<String, FileEdge> dependencies(String path) {
    return out.getOrDefault(path, Map.of());
  }

  /** What depends on {@code path}, by file. */
  public Map<String, FileEdge> dependents(String path) {
    return in.getOrDefault(path, Map.of());
  }
}
