package dev.atelier.platform.internal.startup;

import dev.atelier.platform.AtelierException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up failure that carries an Atelier error code as its message alone; the command
 * line prints that message, so no stack trace reaches the terminal.
 */
class AtelierFailureAnalyzer extends AbstractFailureAnalyzer<AtelierException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AtelierException cause) {
    return new FailureAnalysis(
        cause.getMessage(), "Fix what the description names, then start Atelier again.", cause);
  }
}
