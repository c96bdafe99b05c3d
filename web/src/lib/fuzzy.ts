/** A path the finder matched, with the characters that matched (for highlighting). */
export interface FuzzyMatch {
  path: string;
  score: number;
  positions: number[];
}

function isBoundary(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1]!;
  const here = text[i]!;
  if ('/_-. '.includes(before)) return true;
  return before === before.toLowerCase() && here !== here.toLowerCase();
}

/**
 * Scores `path` against `query` as a file finder does (fzf, VS Code's Ctrl-P): every query
 * character must appear in order, case-insensitively. Matches in the file name beat matches in
 * folders, runs of consecutive characters and starts of words (after `/`, `_`, `-`, `.` or a
 * camel hump) score more, and of equal matches the shorter path wins. Undefined when it does not
 * match. Greedy from the end of the path, so the file name gets the first claim on the characters.
 */
export function fuzzyMatch(query: string, path: string): FuzzyMatch | undefined {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return { path, score: 0, positions: [] };
  const lower = path.toLowerCase();
  // Quick reject: the characters must occur in order at all.
  let at = -1;
  for (const c of q) {
    at = lower.indexOf(c, at + 1);
    if (at < 0) return undefined;
  }
  // Match backwards so the characters bind to the rightmost (file-name) occurrences.
  const positions: number[] = new Array<number>(q.length);
  let i = lower.length - 1;
  for (let k = q.length - 1; k >= 0; k--) {
    while (i >= 0 && lower[i] !== q[k]) i--;
    if (i < 0) return undefined;
    positions[k] = i--;
  }
  // Then move each character, between its neighbours, onto a run or a word start if there is one
  // (staying in the file name when it is there already).
  const nameStart = path.lastIndexOf('/') + 1;
  for (let k = 0; k < positions.length; k++) {
    const current = positions[k]!;
    const prev = k > 0 ? positions[k - 1]! : -1;
    const lo = Math.max(prev + 1, current >= nameStart ? nameStart : 0);
    const hi = k < positions.length - 1 ? positions[k + 1]! - 1 : lower.length - 1;
    if (prev >= 0 && prev + 1 >= lo && lower[prev + 1] === q[k]) {
      positions[k] = prev + 1;
      continue;
    }
    for (let p = lo; p <= hi; p++) {
      if (lower[p] === q[k] && isBoundary(path, p)) {
        positions[k] = p;
        break;
      }
    }
  }
  let score = 0;
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k]!;
    score += 1;
    if (p >= nameStart) score += 2;
    if (isBoundary(path, p)) score += 3;
    if (k > 0 && positions[k - 1] === p - 1) score += 4;
    if (path[p] === query.replace(/\s+/g, '')[k]) score += 0.5;
  }
  if (lower.slice(nameStart).startsWith(q)) score += 6;
  if (lower.slice(nameStart) === q || lower.slice(nameStart).split('.')[0] === q) score += 8;
  score -= path.length * 0.05;
  return { path, score, positions };
}

/** The best `limit` matches of `query` among `paths`, best first. */
export function fuzzyFilter(query: string, paths: readonly string[], limit: number): FuzzyMatch[] {
  const found: FuzzyMatch[] = [];
  for (const path of paths) {
    const match = fuzzyMatch(query, path);
    if (match) found.push(match);
  }
  found.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
  return found.slice(0, limit);
}

/** `Foo.java:42` asks for line 42 of the best file; the query without it, and the line. */
export function splitLine(query: string): { text: string; line: number | undefined } {
  const match = /^(.*?):(\d+)$/.exec(query.trim());
  if (!match || !match[1]) return { text: query.trim(), line: undefined };
  return { text: match[1], line: Number(match[2]) };
}
