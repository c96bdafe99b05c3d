package dev.atelier.identity.internal.web;

import dev.atelier.identity.internal.account.LinkDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one-time links to the server log: there is no mail server here, and the install's owner
 * reads the log. The link carries a secret, which is the point: whoever may read this log may hand
 * out invitations and resets anyway.
 */
final class LoggedLinks implements LinkDelivery {

  private static final Logger log = LoggerFactory.getLogger(LoggedLinks.class);

  @Override
  public void deliver(String email, String purpose, String link) {
    log.info("{} for {}: {}", purpose, email, link);
  }
}
