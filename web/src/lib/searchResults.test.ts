import { describe, expect, it } from 'vitest';
import {
  flatten,
  groupSemanticHits,
  groupSymbolHits,
  groupTextMatches,
  highlight,
  type SymbolHit,
} from './searchResults.ts';

describe('search results', () => {
  it('groups matches by file in server order and merges matches on one line', () => {
    const groups = groupTextMatches([
      { path: 'b/B.java', line: 3, column: 4, length: 3, text: 'int foo = foo();' },
      { path: 'b/B.java', line: 3, column: 10, length: 3, text: 'int foo = foo();' },
      { path: 'a/A.java', line: 9, column: 0, length: 3, text: 'foo' },
      { path: 'b/B.java', line: 1, column: 0, length: 3, text: 'foo bar' },
    ]);

    expect(groups.map((g) => g.path)).toEqual(['b/B.java', 'a/A.java']);
    expect(groups[0]?.lines.map((l) => l.line)).toEqual([1, 3]);
    expect(groups[0]?.lines[1]?.segments).toEqual([
      { text: 'int ', hit: false },
      { text: 'foo', hit: true },
      { text: ' = ', hit: false },
      { text: 'foo', hit: true },
      { text: '();', hit: false },
    ]);
  });

  it('highlights overlapping and out-of-range matches safely', () => {
    expect(
      highlight('abcdef', [
        [1, 4],
        [2, 5],
        [10, 12],
      ]),
    ).toEqual([
      { text: 'a', hit: false },
      { text: 'bcde', hit: true },
      { text: 'f', hit: false },
    ]);
    expect(highlight('', [])).toEqual([{ text: '', hit: false }]);
    expect(highlight('abc', [[0, 3]])).toEqual([{ text: 'abc', hit: true }]);
  });

  it('groups symbols by file and highlights the name in the signature', () => {
    const hit = (name: string, path: string, line: number): SymbolHit => ({
      name,
      kind: 'method',
      qualifiedName: `demo.${name}`,
      signature: `public String ${name}(int id)`,
      path,
      line,
      column: 2,
    });
    const groups = groupSymbolHits([
      hit('getUser', 'A.java', 5),
      hit('getUserName', 'B.java', 2),
      hit('getUsers', 'A.java', 9),
    ]);

    expect(groups.map((g) => [g.path, g.lines.map((l) => l.line)])).toEqual([
      ['A.java', [5, 9]],
      ['B.java', [2]],
    ]);
    expect(groups[0]?.lines[0]?.segments.find((s) => s.hit)?.text).toBe('getUser');
  });

  it('flattens groups into the order the keyboard walks', () => {
    const groups = groupTextMatches([
      { path: 'x', line: 2, column: 0, length: 1, text: 'a' },
      { path: 'y', line: 1, column: 0, length: 1, text: 'a' },
      { path: 'x', line: 5, column: 0, length: 1, text: 'a' },
    ]);
    expect(flatten(groups)).toEqual([
      { path: 'x', line: 2 },
      { path: 'x', line: 5 },
      { path: 'y', line: 1 },
    ]);
  });
});

describe('groupSemanticHits', () => {
  it('keeps the ranked files and highlights the query terms in each snippet', () => {
    const groups = groupSemanticHits(
      [
        {
          path: 'contrib/auth/hashers.py',
          matchedBy: ['bm25', 'vectors'],
          anchors: [
            {
              line: 12,
              symbol: 'make_password',
              snippet: 'def make_password(password):',
              reason: 'symbol',
            },
          ],
        },
        { path: 'core/signing.py', matchedBy: ['bm25'], anchors: [] },
      ],
      ['password', 'of'],
    );
    expect(groups.map((g) => g.path)).toEqual(['contrib/auth/hashers.py', 'core/signing.py']);
    expect(groups[0]?.lines[0]?.line).toBe(12);
    expect(groups[0]?.lines[0]?.segments.filter((s) => s.hit).map((s) => s.text)).toEqual([
      'password',
      'password',
    ]);
    expect(groups[1]?.lines).toEqual([]);
  });
});
