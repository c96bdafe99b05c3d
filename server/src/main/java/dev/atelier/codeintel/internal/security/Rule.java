package dev.atelier.codeintel.internal.security;

import dev.atelier.codeintel.SecurityScan.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One pattern rule.
 *
 * @param keywords lower-case literals, one of which every match's first line contains: the pattern
 *     runs only on lines holding one (a cheap index scan instead of a regex over the file)
 * @param extensions file extensions the rule applies to; empty for every file
 * @param secretGroup the regex group holding a secret to redact, or 0
 * @param minEntropy the least Shannon entropy (bits per character) the secret needs, or 0
 * @param code whether matches on comment lines are ignored (code patterns, not secrets)
 * @param window how many characters past the keyword's line a match may span (multi-line calls)
 */
record Rule(
    String id,
    Severity severity,
    String category,
    String message,
    Pattern pattern,
    List<String> keywords,
    Set<String> extensions,
    int secretGroup,
    double minEntropy,
    boolean code,
    int window) {}
