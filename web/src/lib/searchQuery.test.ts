import { describe, expect, it } from 'vitest';
import { describeFilter, parseSearchQuery } from './searchQuery.ts';

describe('parseSearchQuery', () => {
  it('takes filters out wherever they stand and keeps the text with its inner spacing', () => {
    expect(parseSearchQuery('file:^src/  checkNotNull(  x  lang:java')).toEqual({
      pattern: 'checkNotNull(  x',
      filters: [
        { key: 'file', value: '^src/', negated: false },
        { key: 'lang', value: 'java', negated: false },
      ],
    });
  });

  it('reads negated file and language filters, repo and case', () => {
    const { pattern, filters } = parseSearchQuery('-file:test -lang:go repo:guava case:yes foo');
    expect(pattern).toBe('foo');
    expect(filters.map(describeFilter)).toEqual([
      'paths without test',
      'not go files',
      'repository guava',
      'case must match',
    ]);
  });

  it('leaves words that only look like filters in the text', () => {
    expect(parseSearchQuery('http://example.com file: -repo:x a:b').pattern).toBe(
      'http://example.com file: -repo:x a:b',
    );
  });
});
