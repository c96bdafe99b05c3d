package dev.atelier.codeintel;

/**
 * How much of one repository the trigram text index still has to cover: {@code pending} of the
 * {@code files} (distinct contents) its branches' current manifests hold. Text search is complete
 * either way (it reads pending contents directly), only slower until the backlog is done; service
 * mode indexes text as it stores it, so it never has a backlog.
 */
public record TextIndexBacklog(long files, long pending) {

  public boolean complete() {
    return pending == 0;
  }
}
