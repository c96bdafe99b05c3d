import { describe, expect, it } from 'vitest';
import { clampRange, extendRange, formatLineHash, parseLineHash } from './permalink.ts';

describe('line permalinks', () => {
  it('reads one line and a range, in either order', () => {
    expect(parseLineHash('#L10')).toEqual({ from: 10, to: 10 });
    expect(parseLineHash('#L10-L20')).toEqual({ from: 10, to: 20 });
    expect(parseLineHash('#L20-L10')).toEqual({ from: 10, to: 20 });
    expect(parseLineHash('L7-9')).toEqual({ from: 7, to: 9 });
  });

  it('ignores anything that is not a line anchor', () => {
    for (const hash of ['', '#', '#L', '#L0', '#Lx', '#section', '#L1-L0', '#L5-', '#10'])
      expect(parseLineHash(hash)).toBeUndefined();
  });

  it('formats what it parses', () => {
    expect(formatLineHash({ from: 3, to: 3 })).toBe('#L3');
    expect(formatLineHash({ from: 3, to: 8 })).toBe('#L3-L8');
    expect(parseLineHash(formatLineHash({ from: 12, to: 40 }))).toEqual({ from: 12, to: 40 });
  });

  it('extends a selection from its start with shift, else starts a new one', () => {
    expect(extendRange({ from: 10, to: 10 }, 20, true)).toEqual({ from: 10, to: 20 });
    expect(extendRange({ from: 10, to: 20 }, 4, true)).toEqual({ from: 4, to: 10 });
    expect(extendRange({ from: 10, to: 20 }, 4, false)).toEqual({ from: 4, to: 4 });
    expect(extendRange(undefined, 4, true)).toEqual({ from: 4, to: 4 });
  });

  it('keeps a range inside the file', () => {
    expect(clampRange({ from: 5, to: 500 }, 100)).toEqual({ from: 5, to: 100 });
    expect(clampRange({ from: 101, to: 120 }, 100)).toBeUndefined();
  });
});
