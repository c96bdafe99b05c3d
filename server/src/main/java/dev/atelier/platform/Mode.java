package dev.atelier.platform;

import java.util.Locale;

/** How Atelier stores and shares state: one process on SQLite, or many nodes on PostgreSQL. */
public enum Mode {
  LOCAL,
  SERVICE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
