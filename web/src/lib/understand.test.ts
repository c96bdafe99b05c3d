import { describe, expect, it } from 'vitest';
import { groupBySeverity, type SecurityFinding } from './findings.ts';
import { squarify } from './treemap.ts';

describe('squarify', () => {
  it('gives each positive item an area proportional to its value, filling the rectangle', () => {
    const tiles = squarify(
      [6, 6, 4, 3, 2, 2, 1].map((value, i) => ({ key: `f${i}`, value })),
      600,
      400,
    );
    expect(tiles).toHaveLength(7);
    const total = tiles.reduce((a, t) => a + t.width * t.height, 0);
    expect(total).toBeCloseTo(600 * 400, 3);
    for (const tile of tiles) {
      expect(tile.width * tile.height).toBeCloseTo((tile.value / 24) * 600 * 400, 3);
      expect(tile.x).toBeGreaterThanOrEqual(-1e-9);
      expect(tile.y).toBeGreaterThanOrEqual(-1e-9);
      expect(tile.x + tile.width).toBeLessThanOrEqual(600 + 1e-6);
      expect(tile.y + tile.height).toBeLessThanOrEqual(400 + 1e-6);
    }
  });

  it('keeps tiles close to square, better than slicing in strips', () => {
    const tiles = squarify(
      [6, 6, 4, 3, 2, 2, 1].map((value, i) => ({ key: `f${i}`, value })),
      600,
      400,
    );
    const worst = Math.max(...tiles.map((t) => Math.max(t.width / t.height, t.height / t.width)));
    expect(worst).toBeLessThan(3);
  });

  it('lays out the largest first and leaves out items without a positive value', () => {
    const tiles = squarify(
      [
        { key: 'small', value: 1 },
        { key: 'zero', value: 0 },
        { key: 'big', value: 9 },
        { key: 'nan', value: Number.NaN },
      ],
      100,
      100,
    );
    expect(tiles.map((t) => t.key)).toEqual(['big', 'small']);
    expect(squarify([], 100, 100)).toEqual([]);
    expect(squarify([{ key: 'a', value: 1 }], 0, 100)).toEqual([]);
  });

  it('gives a single item the whole rectangle', () => {
    expect(squarify([{ key: 'a', value: 3 }], 80, 20)).toEqual([
      { key: 'a', value: 3, x: 0, y: 0, width: 80, height: 20 },
    ]);
  });
});

describe('groupBySeverity', () => {
  const finding = (severity: string, path: string, line: number): SecurityFinding => ({
    rule: 'r',
    severity,
    category: 'secret',
    path,
    line,
    message: 'm',
    excerpt: 'e',
  });

  it('groups worst first, each group by path and line, without empty groups', () => {
    const groups = groupBySeverity([
      finding('LOW', 'b.py', 2),
      finding('CRITICAL', 'z.py', 1),
      finding('low', 'a.py', 9),
      finding('low', 'a.py', 3),
      finding('HIGH', 'c.py', 4),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(['critical', 'high', 'low']);
    expect(groups[2]?.findings.map((f) => `${f.path}:${f.line}`)).toEqual([
      'a.py:3',
      'a.py:9',
      'b.py:2',
    ]);
  });

  it('has no groups without findings', () => {
    expect(groupBySeverity([])).toEqual([]);
  });
});
