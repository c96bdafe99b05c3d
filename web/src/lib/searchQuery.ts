/** A filter of a text query, as the server reads it (`file:`, `-file:`, `lang:`, `repo:`, `case:`). */
export interface QueryFilter {
  key: 'file' | 'lang' | 'repo' | 'case';
  value: string;
  negated: boolean;
}

export interface ParsedSearchQuery {
  /** The text to find, its inner spacing kept. */
  pattern: string;
  filters: QueryFilter[];
}

const KEYS: Record<string, QueryFilter['key']> = {
  file: 'file',
  f: 'file',
  lang: 'lang',
  l: 'lang',
  repo: 'repo',
  r: 'repo',
  case: 'case',
};

/**
 * Splits a query the way the server does: a whitespace-separated word `key:value` with a known key
 * is a filter wherever it stands (`-` in front negates `file:` and `lang:`); the rest is the text.
 */
export function parseSearchQuery(query: string): ParsedSearchQuery {
  const filters: QueryFilter[] = [];
  const parts: string[] = [];
  let segment = '';
  const flush = () => {
    const text = segment.trim();
    if (text) parts.push(text);
    segment = '';
  };
  for (const token of query.match(/\S+|\s+/g) ?? []) {
    const filter = /^\s/.test(token) ? undefined : asFilter(token);
    if (filter) {
      flush();
      filters.push(filter);
    } else {
      segment += token;
    }
  }
  flush();
  return { pattern: parts.join(' '), filters };
}

function asFilter(word: string): QueryFilter | undefined {
  const colon = word.indexOf(':');
  if (colon <= 0 || colon === word.length - 1) return undefined;
  let name = word.slice(0, colon).toLowerCase();
  const negated = name.startsWith('-');
  if (negated) name = name.slice(1);
  const key = KEYS[name];
  if (!key || (negated && (key === 'repo' || key === 'case'))) return undefined;
  return { key, value: word.slice(colon + 1), negated };
}

/** How a filter reads in words, for the summary above the results. */
export function describeFilter(filter: QueryFilter): string {
  switch (filter.key) {
    case 'file':
      return `${filter.negated ? 'paths without' : 'paths with'} ${filter.value}`;
    case 'lang':
      return `${filter.negated ? 'not ' : ''}${filter.value} files`;
    case 'repo':
      return `repository ${filter.value}`;
    case 'case':
      return /^(yes|y|true|on)$/i.test(filter.value) ? 'case must match' : 'any case';
  }
}

/** The search box's help: what a text query understands. */
export const SEARCH_SYNTAX: ReadonlyArray<{ example: string; meaning: string }> = [
  { example: 'file:^src/ file:\\.go$', meaning: 'only paths matching the regular expression' },
  { example: '-file:_test\\.go$', meaning: 'leave out paths matching it' },
  { example: 'lang:go  lang:java  -lang:text', meaning: 'only (or not) files of a language' },
  { example: 'repo:guava', meaning: 'only in a repository whose name matches' },
  { example: 'case:yes', meaning: 'match upper and lower case exactly' },
];
