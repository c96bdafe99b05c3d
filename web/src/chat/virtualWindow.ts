/**
 * The virtual window of a long list: rows of measured (or, before they are drawn, estimated)
 * heights, of which only those in the viewport and a few beyond are in the DOM. Heights are kept
 * by row key, not index, because older messages are prepended as the person scrolls up.
 */

/** Top offsets of every row and the total height: offsets[i] is row i's top, offsets[n] the end. */
export function layout(
  keys: readonly (string | number)[],
  heights: ReadonlyMap<string | number, number>,
  estimate: number,
): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++)
    offsets[i + 1] = (offsets[i] ?? 0) + (heights.get(keys[i] as string | number) ?? estimate);
  return offsets;
}

/** The first row whose bottom is below `y` (binary search over the offsets). */
export function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid + 1] ?? 0) <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, n - 1));
}

/** The rows to draw: those overlapping the viewport, widened by `overscan` rows each side. */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
  overscan = 4,
): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, scrollTop);
  const last = rowAt(offsets, scrollTop + Math.max(viewport, 1) - 1);
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/**
 * Where to scroll so that the row `anchor` stays where it was on screen (`delta` pixels below the
 * viewport's top) after rows were prepended or measured above it.
 */
export function anchoredScrollTop(
  keys: readonly (string | number)[],
  offsets: Float64Array,
  anchor: { key: string | number; delta: number } | null,
): number | null {
  if (!anchor) return null;
  const index = keys.indexOf(anchor.key);
  return index < 0 ? null : (offsets[index] ?? 0) - anchor.delta;
}
