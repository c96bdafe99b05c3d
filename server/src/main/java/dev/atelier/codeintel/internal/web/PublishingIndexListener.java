package dev.atelier.codeintel.internal.web;

import dev.atelier.codeintel.EmbeddingWorker;
import dev.atelier.codeintel.IndexListener;
import dev.atelier.codeintel.IndexSummary;
import dev.atelier.repos.IndexEvents;
import dev.atelier.repos.Repository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Publishes index runs on the repository's event topic ({@code repo:ID} on /api/events) and wakes
 * the embedding worker for the chunks a run wrote.
 */
final class PublishingIndexListener implements IndexListener {

  private final IndexEvents events;
  private final @Nullable EmbeddingWorker embeddings;

  PublishingIndexListener(IndexEvents events, @Nullable EmbeddingWorker embeddings) {
    this.events = events;
    this.embeddings = embeddings;
  }

  @Override
  public void started(Repository repository, String branch, int files) {
    events.progress(repository.orgId(), repository.id(), branch, 0, files);
  }

  @Override
  public void progress(Repository repository, String branch, int done, int total) {
    events.progress(repository.orgId(), repository.id(), branch, done, total);
  }

  @Override
  public void completed(Repository repository, IndexSummary summary) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("files", summary.files());
    fields.put("filesByLanguage", summary.filesByLanguage());
    fields.put("parsedFiles", summary.parsedFiles());
    fields.put("symbols", summary.symbols());
    fields.put("references", summary.references());
    fields.put("resolvedReferences", summary.resolvedReferences());
    fields.put("chunks", summary.chunks());
    fields.put("skipped", summary.skipped().size());
    fields.put("millis", summary.millis());
    events.completed(repository.orgId(), repository.id(), summary.branch(), fields);
    if (embeddings != null) {
      embeddings.wake(repository.orgId());
    }
  }

  @Override
  public void failed(Repository repository, String branch, String message) {
    events.failed(repository.orgId(), repository.id(), branch, message);
  }
}
