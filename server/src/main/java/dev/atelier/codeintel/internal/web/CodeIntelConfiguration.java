package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.CodeIndexer;
import dev.atelier.codeintel.CodeIntelligence;
import dev.atelier.codeintel.CodeParser;
import dev.atelier.codeintel.CodeParsers;
import dev.atelier.codeintel.CodeSearch;
import dev.atelier.codeintel.EmbeddingWorker;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.platform.Database;
import dev.atelier.repos.BranchChangeHandler;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.ReposStorage;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Registers the plain-Java code-intelligence core as beans for {@code serve}. */
@Configuration(proxyBeanMethods = false)
class CodeIntelConfiguration {

  @Bean(destroyMethod = "close")
  CodeParser codeParser() {
    return CodeParsers.create();
  }

  @Bean(destroyMethod = "close")
  CodeIntelligence codeIntelligence(
      Database database, CodeParser parser, AtelierSettings settings) {
    return CodeIntelligence.over(database, parser, CodeIntelligence.defaultThreads(), settings);
  }

  /**
   * Chunks are embedded in the background ({@code atelier.embeddings.enabled=false} turns it off);
   * the model loads when there is first something to embed.
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "atelier.embeddings.enabled", matchIfMissing = true)
  EmbeddingWorker embeddingWorker(CodeIntelligence core, EventBus bus) {
    return core.embeddings(new EmbeddingEvents(bus, core::embeddingCoverage));
  }

  /**
   * Index runs report progress and completion on the repository's event topic, and wake the
   * embedding worker for the new chunks and the semantic-search index of the new manifest.
   */
  @Bean
  @Primary
  IndexListener indexListener(
      IndexEvents events,
      ObjectProvider<EmbeddingWorker> embeddings,
      WarmingIndexListener warming) {
    return new PublishingIndexListener(events, embeddings.getIfAvailable()).andThen(warming);
  }

  /** One of the listeners above; a bean of its own so its thread stops with the context. */
  @Bean
  WarmingIndexListener warmingIndexListener(CodeIntelligence core) {
    return new WarmingIndexListener(
        core.repos().branches(), core.semanticSearch()::warm, Duration.ofSeconds(5));
  }

  /** The debouncer's flushes re-index what changed (tests may put their own handler first). */
  @Bean
  @ConditionalOnMissingBean(BranchChangeHandler.class)
  BranchChangeHandler reindexOnChange(CodeIntelligence core, IndexListener listener) {
    return new ReindexOnChange(core.repos(), core.indexer(), listener);
  }

  @Bean
  ReposStorage reposStorage(CodeIntelligence core) {
    return core.repos();
  }

  @Bean
  CodeIndexer codeIndexer(CodeIntelligence core) {
    return core.indexer();
  }

  @Bean
  CodeSearch codeSearch(CodeIntelligence core) {
    return core.search();
  }
}
