package dev.atelier.identity.internal.account;

/**
 * Gets a one-time link (an invitation, a password reset) to the person it is for. No mail server
 * exists in local mode, so the link goes to the server's log, where the install's owner reads it.
 */
@FunctionalInterface
public interface LinkDelivery {

  /**
   * @param email whom the link is for
   * @param purpose what it does, e.g. "invitation to Acme"
   * @param link the whole link, with its one-time code
   */
  void deliver(String email, String purpose, String link);
}
