/** A range of 1-based lines, both inclusive. */
export interface LineRange {
  from: number;
  to: number;
}

/** Reads `#L10`, `#L10-L20` or `#L10-20`; anything else (or line 0) is no range. */
export function parseLineHash(hash: string): LineRange | undefined {
  const match = /^#?L(\d+)(?:-L?(\d+))?$/.exec(hash.trim());
  if (!match) return undefined;
  const a = Number(match[1]);
  const b = match[2] === undefined ? a : Number(match[2]);
  if (a < 1 || b < 1) return undefined;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/** `#L10` for one line, `#L10-L20` for several. */
export function formatLineHash(range: LineRange): string {
  return range.from === range.to ? `#L${range.from}` : `#L${range.from}-L${range.to}`;
}

/** The range a click on `line` makes: shift-click extends the current range from its start. */
export function extendRange(
  current: LineRange | undefined,
  line: number,
  extend: boolean,
): LineRange {
  if (!extend || !current) return { from: line, to: line };
  return { from: Math.min(current.from, line), to: Math.max(current.from, line) };
}

/** Keeps a range inside a file of `lines` lines; undefined when it starts past the end. */
export function clampRange(range: LineRange, lines: number): LineRange | undefined {
  if (range.from > lines) return undefined;
  return { from: range.from, to: Math.min(range.to, lines) };
}
