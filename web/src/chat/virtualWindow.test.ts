import { describe, expect, it } from 'vitest';
import { anchoredScrollTop, layout, rowAt, visibleRange } from './virtualWindow.ts';

const keys = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the virtual window', () => {
  it('lays rows out with measured heights and estimates for the rest', () => {
    const offsets = layout([1, 2, 3], new Map([[2, 100]]), 40);
    expect([...offsets]).toEqual([0, 40, 140, 180]);
  });

  it('finds the row under a y coordinate', () => {
    const offsets = layout([1, 2, 3], new Map([[2, 100]]), 40);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 179)).toBe(2);
    expect(rowAt(offsets, 5000)).toBe(2);
  });

  it('draws only a screenful and the overscan out of 10,000 rows', () => {
    const all = keys(10_000);
    const started = performance.now();
    const offsets = layout(all, new Map(), 50);
    const range = visibleRange(offsets, 250_000, 600, 4);
    expect(performance.now() - started).toBeLessThan(50);
    expect(range).toEqual({ start: 4996, end: 5016 });
    expect(range.end - range.start).toBeLessThanOrEqual(20);
  });

  it('draws nothing for an empty list and clamps at the end', () => {
    expect(visibleRange(layout([], new Map(), 50), 0, 600)).toEqual({ start: 0, end: 0 });
    expect(visibleRange(layout(keys(3), new Map(), 50), 0, 600)).toEqual({ start: 0, end: 3 });
  });

  it('keeps the anchored row in place when older rows are prepended', () => {
    const before = keys(10).map((k) => k + 100);
    const anchor = { key: 105, delta: 30 };
    const after = [...keys(100), ...before];
    const offsets = layout(after, new Map(), 50);
    // 100 new rows of 50 px above row 105, which was the 5th: 104 rows above it now.
    expect(anchoredScrollTop(after, offsets, anchor)).toBe(104 * 50 - 30);
    expect(anchoredScrollTop(after, offsets, { key: 999, delta: 0 })).toBeNull();
  });
});
