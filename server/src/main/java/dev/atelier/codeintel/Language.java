package dev.atelier.codeintel;

import java.util.Locale;
import java.util.Map;

/** A source language the index parses with tree-sitter; {@link #TEXT} is indexed as text only. */
public enum Language {
  JAVA("java"),
  PYTHON("python"),
  JAVASCRIPT("javascript"),
  TYPESCRIPT("typescript"),
  TSX("tsx"),
  GO("go"),
  RUST("rust"),
  C("c"),
  CPP("cpp"),
  CSHARP("csharp"),
  RUBY("ruby"),
  KOTLIN("kotlin"),
  PHP("php"),
  TEXT("text");

  private static final Map<String, Language> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("java", JAVA),
          Map.entry("py", PYTHON),
          Map.entry("pyi", PYTHON),
          Map.entry("js", JAVASCRIPT),
          Map.entry("mjs", JAVASCRIPT),
          Map.entry("cjs", JAVASCRIPT),
          Map.entry("jsx", JAVASCRIPT),
          Map.entry("ts", TYPESCRIPT),
          Map.entry("mts", TYPESCRIPT),
          Map.entry("cts", TYPESCRIPT),
          Map.entry("tsx", TSX),
          Map.entry("go", GO),
          Map.entry("rs", RUST),
          Map.entry("c", C),
          Map.entry("h", C),
          Map.entry("cc", CPP),
          Map.entry("cpp", CPP),
          Map.entry("cxx", CPP),
          Map.entry("hh", CPP),
          Map.entry("hpp", CPP),
          Map.entry("hxx", CPP),
          Map.entry("cs", CSHARP),
          Map.entry("rb", RUBY),
          Map.entry("rake", RUBY),
          Map.entry("kt", KOTLIN),
          Map.entry("kts", KOTLIN),
          Map.entry("php", PHP));

  private final String id;

  Language(String id) {
    this.id = id;
  }

  /** The stable lower-case name stored in the index and shown to users. */
  public String id() {
    return id;
  }

  /** Whether tree-sitter parses this language (everything but {@link #TEXT}). */
  public boolean parsed() {
    return this != TEXT;
  }

  /** The language of a repository-relative path, by extension; {@link #TEXT} when unknown. */
  public static Language ofPath(String path) {
    int slash = path.lastIndexOf('/');
    String name = path.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return name.equals("Rakefile") || name.equals("Gemfile") ? RUBY : TEXT;
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), TEXT);
  }

  /** The language with this {@link #id()}. */
  public static Language ofId(String id) {
    for (Language language : values()) {
      if (language.id.equals(id)) {
        return language;
      }
    }
    throw new IllegalArgumentException("unknown language: " + id);
  }
}
