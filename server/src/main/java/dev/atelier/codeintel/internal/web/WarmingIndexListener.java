package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.IndexSummary;
import dev.atelier.codeintel.SemanticSearch;
import dev.atelier.repos.Branches;
import dev.atelier.repos.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After each index run, builds the semantic-search index of the new manifest in the background, so
 * an agent's first {@code semantic_search} answers in milliseconds instead of seconds.
 */
final class WarmingIndexListener implements IndexListener {

  private static final Logger log = LoggerFactory.getLogger(WarmingIndexListener.class);

  private final Branches branches;
  private final SemanticSearch search;

  WarmingIndexListener(Branches branches, SemanticSearch search) {
    this.branches = branches;
    this.search = search;
  }

  @Override
  public void completed(Repository repository, IndexSummary summary) {
    Thread.ofVirtual()
        .name("warm-search-" + repository.id().value())
        .start(() -> {
          try {
            branches
                .find(repository.orgId(), repository.id(), summary.branch())
                .filter(b -> b.manifestId() != null)
                .ifPresent(b -> search.warm(repository, b));
          } catch (RuntimeException e) {
            // Only the first query gets slower; the index builds again on demand.
            log.warn("could not prepare the search index of {}", repository.name(), e);
          }
        });
  }
}
