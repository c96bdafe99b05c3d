import type { ReferenceView } from './api.ts';

/** One line to draw in a file's group of references: a reference, or a context line around one. */
export interface ReferenceLine {
  line: number;
  text: string;
  /** The reference on this line, if it is one (context lines have none). */
  reference?: ReferenceView;
}

/**
 * The lines to show for one file's references, in line order: each reference with its context,
 * a line shared by two references' context drawn once, and a reference never shown again as
 * context. A gap between runs is where the reader sees a break (`gapBefore`).
 */
export function referenceLines(
  references: readonly ReferenceView[],
): (ReferenceLine & { gapBefore: boolean })[] {
  const byLine = new Map<number, ReferenceLine>();
  for (const reference of references) {
    const before = reference.before ?? [];
    before.forEach((text, i) => {
      const line = reference.line - before.length + i;
      if (!byLine.has(line)) byLine.set(line, { line, text });
    });
    (reference.after ?? []).forEach((text, i) => {
      const line = reference.line + 1 + i;
      if (!byLine.has(line)) byLine.set(line, { line, text });
    });
  }
  // References last, so they replace any context line drawn for the same line.
  for (const reference of references) {
    if (!byLine.get(reference.line)?.reference) {
      byLine.set(reference.line, { line: reference.line, text: reference.text, reference });
    }
  }
  const sorted = [...byLine.values()].sort((a, b) => a.line - b.line);
  return sorted.map((entry, i) => ({
    ...entry,
    gapBefore: i > 0 && entry.line > sorted[i - 1]!.line + 1,
  }));
}
