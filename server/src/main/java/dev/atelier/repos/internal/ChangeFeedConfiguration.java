package dev.atelier.repos.internal;

import dev.atelier.events.EventBus;
import dev.atelier.platform.AtelierSettings;
import dev.atelier.repos.BranchChangeHandler;
import dev.atelier.repos.ChangeDebouncer;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.ReposStorage;
import dev.atelier.repos.internal.watch.WorkingTreeWatchers;
import java.nio.file.Files;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The change feed under {@code serve}: the repos stores, the {@link ChangeDebouncer} in front of
 * the indexer's {@link BranchChangeHandler} bean, and the {@link IndexEvents} the indexer publishes
 * with.
 *
 * <p>Properties: {@code atelier.index.debounce} (quiet period, default 2s) and {@code
 * atelier.index.max-delay} (the longest a change waits under continuous change; default the larger
 * of 10s and five quiet periods).
 */
@Configuration(proxyBeanMethods = false)
class ChangeFeedConfiguration {

  /** Until identity lands the change feed works in the local org. */
  static final long LOCAL_ORG = 1;

  private static final Logger log = LoggerFactory.getLogger(ChangeFeedConfiguration.class);

  @Bean
  IndexEvents indexEvents(EventBus bus) {
    return new IndexEvents(bus);
  }

  /**
   * Local mode watches the working trees it serves ({@code atelier.watch.enabled=false} turns it
   * off); service mode relies on notifications (hooks, CI).
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "atelier.mode", havingValue = "local")
  @ConditionalOnBooleanProperty(name = "atelier.watch.enabled", matchIfMissing = true)
  WorkingTreeWatchers workingTreeWatchers(
      ChangeDebouncer debouncer, ReposStorage storage, AtelierSettings settings) {
    // serve PATH registers PATH before the watchers start, so it is watched from the first change.
    if (Files.isDirectory(settings.workspace())) {
      storage.repositories().registerWorkingTree(LOCAL_ORG, settings.workspace());
    }
    WorkingTreeWatchers watchers = new WorkingTreeWatchers(debouncer);
    watchers.watchAll(storage.repositories());
    return watchers;
  }

  @Bean(destroyMethod = "close")
  ChangeDebouncer changeDebouncer(
      ObjectProvider<BranchChangeHandler> handlers,
      @Value("${atelier.index.debounce:2s}") Duration quietPeriod,
      @Value("${atelier.index.max-delay:}") @Nullable Duration maxDelay) {
    BranchChangeHandler handler = handlers.getIfAvailable();
    if (handler == null) {
      log.info("no indexer is wired yet: change notifications are only logged");
      handler =
          changes ->
              log.info(
                  "changes of repository {} branch {}: {}",
                  changes.repository(),
                  changes.branch(),
                  changes.fullRescan() ? "full rescan" : changes.paths().size() + " path(s)");
    }
    Duration fiveQuiet = quietPeriod.multipliedBy(5);
    Duration delay =
        maxDelay != null
            ? maxDelay
            : (fiveQuiet.compareTo(ChangeDebouncer.DEFAULT_MAX_DELAY) > 0
                ? fiveQuiet
                : ChangeDebouncer.DEFAULT_MAX_DELAY);
    return ChangeDebouncer.start(handler, quietPeriod, delay);
  }
}
