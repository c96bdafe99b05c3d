import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyMatch, splitLine } from './fuzzy.ts';

const paths = [
  'src/main/java/com/google/common/base/Preconditions.java',
  'src/test/java/com/google/common/base/PreconditionsTest.java',
  'src/main/java/com/google/common/cache/LocalCache.java',
  'src/main/java/com/google/common/collect/Lists.java',
  'docs/cache.md',
  'README.md',
];

describe('fuzzyMatch', () => {
  it('needs every character in order, ignoring case', () => {
    expect(fuzzyMatch('lcache', 'src/LocalCache.java')).toBeDefined();
    expect(fuzzyMatch('cachel', 'src/LocalCache.java')).toBeUndefined();
    expect(fuzzyMatch('', 'a')?.score).toBe(0);
  });

  it('marks the matched characters, preferring the file name', () => {
    expect(fuzzyMatch('lc', 'lib/LocalCache.java')?.positions).toEqual([4, 9]);
  });
});

describe('fuzzyFilter', () => {
  it('ranks a file-name match above folder matches and the code above its test', () => {
    expect(fuzzyFilter('precond', paths, 3).map((m) => m.path)).toEqual([
      'src/main/java/com/google/common/base/Preconditions.java',
      'src/test/java/com/google/common/base/PreconditionsTest.java',
    ]);
  });

  it('finds camel-hump abbreviations', () => {
    expect(fuzzyFilter('LoCa', paths, 1)[0]?.path).toBe(
      'src/main/java/com/google/common/cache/LocalCache.java',
    );
  });

  it('prefers the shorter of two equal matches and caps the list', () => {
    expect(fuzzyFilter('cache', paths, 2).map((m) => m.path)).toEqual([
      'docs/cache.md',
      'src/main/java/com/google/common/cache/LocalCache.java',
    ]);
  });
});

describe('splitLine', () => {
  it('reads a trailing :line', () => {
    expect(splitLine('Lists.java:42')).toEqual({ text: 'Lists.java', line: 42 });
    expect(splitLine('Lists')).toEqual({ text: 'Lists', line: undefined });
    expect(splitLine(':42')).toEqual({ text: ':42', line: undefined });
  });
});
