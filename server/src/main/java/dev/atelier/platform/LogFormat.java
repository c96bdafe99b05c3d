package dev.atelier.platform;

/** Console log format: readable lines, or one JSON object per line for log collectors. */
public enum LogFormat {
  PLAIN,
  JSON
}
