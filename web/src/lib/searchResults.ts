/** A matching line, as `GET /api/repos/{id}/search/text` answers it (column 0-based). */
export interface TextMatch {
  path: string;
  line: number;
  column: number;
  length: number;
  text: string;
  /** The match names a symbol defined on this line. */
  definition?: boolean;
  /** The file is a test, test data or vendored code. */
  test?: boolean;
  /** Context lines before the match, nearest last, and after it. */
  before?: string[];
  after?: string[];
}

/** A symbol, as `/search/symbols` and `/outline` answer it. */
export interface SymbolHit {
  name: string;
  kind: string;
  qualifiedName: string;
  container?: string | null;
  signature: string;
  path: string;
  line: number;
  column: number;
  score?: number;
  match?: string;
}

/** A piece of a line: highlighted or not. */
export interface Segment {
  text: string;
  hit: boolean;
}

/** One line of a file in the results, with the matches on it. */
export interface ResultLine {
  line: number;
  column: number;
  segments: Segment[];
  definition?: boolean;
  before?: string[];
  after?: string[];
}

export interface FileGroup {
  path: string;
  lines: ResultLine[];
}

/** Splits `text` into plain and highlighted pieces; ranges may overlap or run past the end. */
export function highlight(text: string, ranges: ReadonlyArray<[number, number]>): Segment[] {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: text.slice(at, from), hit: false });
    const last = segments[segments.length - 1];
    if (from === at && last?.hit) last.text += text.slice(from, end);
    else segments.push({ text: text.slice(from, end), hit: true });
    at = end;
  }
  if (at < text.length || segments.length === 0)
    segments.push({ text: text.slice(at), hit: false });
  return segments;
}

/**
 * Groups text matches by file, keeping the server's order of files; matches on the same line
 * become one line with several highlights.
 */
export function groupTextMatches(matches: readonly TextMatch[]): FileGroup[] {
  const groups = new Map<string, Map<number, { match: TextMatch; ranges: [number, number][] }>>();
  for (const match of matches) {
    let lines = groups.get(match.path);
    if (!lines) {
      lines = new Map();
      groups.set(match.path, lines);
    }
    let line = lines.get(match.line);
    if (!line) {
      line = { match, ranges: [] };
      lines.set(match.line, line);
    }
    line.ranges.push([match.column, match.column + Math.max(match.length, 0)]);
  }
  return [...groups].map(([path, lines]) => ({
    path,
    lines: [...lines]
      .sort((a, b) => a[0] - b[0])
      .map(([number, { match, ranges }]) => ({
        line: number,
        column: match.column,
        segments: highlight(match.text, ranges),
        ...(match.definition ? { definition: true } : {}),
        ...(match.before?.length ? { before: match.before } : {}),
        ...(match.after?.length ? { after: match.after } : {}),
      })),
  }));
}

/** Groups symbol hits by file in order of each file's best hit; the name is highlighted. */
export function groupSymbolHits(hits: readonly SymbolHit[]): FileGroup[] {
  const groups = new Map<string, ResultLine[]>();
  for (const hit of hits) {
    const lines = groups.get(hit.path) ?? [];
    groups.set(hit.path, lines);
    const signature = hit.signature.trim() || hit.name;
    const at = signature.indexOf(hit.name);
    lines.push({
      line: hit.line,
      column: hit.column,
      segments:
        at >= 0
          ? highlight(signature, [[at, at + hit.name.length]])
          : [{ text: signature, hit: false }],
    });
  }
  return [...groups].map(([path, lines]) => ({ path, lines }));
}

/** A position in the flattened results, for keyboard navigation. */
export interface ResultPosition {
  path: string;
  line: number;
}

export function flatten(groups: readonly FileGroup[]): ResultPosition[] {
  return groups.flatMap((g) => g.lines.map((l) => ({ path: g.path, line: l.line })));
}

/** A file of `semantic_search`'s structured answer, with its best places. */
export interface SemanticFile {
  path: string;
  matchedBy: string[];
  anchors: { line: number; symbol?: string | null; snippet: string; reason: string }[];
}

/** Semantic hits as result lines, the query's terms highlighted in each snippet. */
export function groupSemanticHits(
  files: readonly SemanticFile[],
  terms: readonly string[],
): FileGroup[] {
  const words = terms.filter((t) => t.length >= 3).map((t) => t.toLowerCase());
  return files.map((file) => ({
    path: file.path,
    lines: file.anchors.map((anchor) => {
      const lower = anchor.snippet.toLowerCase();
      const ranges: [number, number][] = [];
      for (const word of words) {
        for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length))
          ranges.push([at, at + word.length]);
      }
      return { line: anchor.line, column: 0, segments: highlight(anchor.snippet, ranges) };
    }),
  }));
}
