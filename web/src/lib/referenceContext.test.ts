import { describe, expect, it } from 'vitest';
import type { ReferenceView } from './api.ts';
import { referenceLines } from './referenceContext.ts';

const ref = (line: number, before: string[], after: string[]): ReferenceView => ({
  path: 'a.java',
  line,
  column: 1,
  kind: 'call',
  text: `call at ${line}`,
  before,
  after,
});

describe('referenceLines', () => {
  it('draws each reference between its context lines', () => {
    const lines = referenceLines([ref(10, ['nine'], ['eleven'])]);
    expect(lines.map((l) => [l.line, l.text, l.reference !== undefined])).toEqual([
      [9, 'nine', false],
      [10, 'call at 10', true],
      [11, 'eleven', false],
    ]);
  });

  it('draws a line once when two references share context, and a reference never as context', () => {
    const lines = referenceLines([ref(10, ['nine'], ['eleven']), ref(11, ['ten'], ['twelve'])]);
    expect(lines.map((l) => l.line)).toEqual([9, 10, 11, 12]);
    expect(lines.filter((l) => l.reference).map((l) => l.line)).toEqual([10, 11]);
    expect(lines.some((l) => l.gapBefore)).toBe(false);
  });

  it('marks the break between references far apart', () => {
    const lines = referenceLines([ref(3, ['two'], ['four']), ref(40, ['39'], ['41'])]);
    expect(lines.find((l) => l.line === 39)?.gapBefore).toBe(true);
  });

  it('reads answers without context (an older server)', () => {
    const bare = { path: 'a.java', line: 5, column: 1, kind: 'call', text: 'x()' };
    expect(referenceLines([bare])).toEqual([
      { line: 5, text: 'x()', reference: bare, gapBefore: false },
    ]);
  });
});
