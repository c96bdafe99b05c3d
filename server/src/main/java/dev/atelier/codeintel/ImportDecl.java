package dev.atelier.codeintel;

import org.jspecify.annotations.Nullable;

/**
 * One imported module, package, file or name, as written.
 *
 * @param target what is imported, as the language spells it: {@code java.util.List}, {@code
 *     java.util.*}, {@code ./cache}, {@code fmt}, {@code os.path}, {@code crate::db::Pool}
 * @param alias the local name it is bound to where the source renames it, or null
 * @param range where the import is written
 */
public record ImportDecl(String target, @Nullable String alias, SourceRange range) {}
