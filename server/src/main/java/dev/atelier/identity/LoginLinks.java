package dev.atelier.identity;

/**
 * One-time login links of a local install, the way Jupyter signs a browser in: {@code serve} prints
 * one at start and {@code atelier open} asks for a fresh one; opening it sets the session cookie
 * and the code is spent.
 */
public interface LoginLinks {

  /**
   * The path (with its one-time code) that signs a browser in, e.g. {@code
   * /api/auth/local?code=...}.
   */
  String newLoginPath(LinkUse use);

  /** How long a new link stays usable. */
  enum LinkUse {
    /** Printed by {@code serve} at start: usable for a day, since it may be opened later. */
    STARTUP,
    /** Made for {@code atelier open}, which opens it at once. */
    IMMEDIATE
  }
}
