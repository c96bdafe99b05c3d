package dev.atelier.codeintel;

import java.util.List;

/**
 * What a content search found.
 *
 * @param matches matching lines, by path then line
 * @param filesMatched files with at least one match among those returned
 * @param candidates files the index offered before the exact check
 * @param truncated whether more matches exist than were returned
 */
public record TextSearchResult(
    List<TextMatch> matches, int filesMatched, int candidates, boolean truncated) {

  public TextSearchResult {
    matches = List.copyOf(matches);
  }
}
