import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { formatLineHash } from '../lib/permalink.ts';
import { codeUrl, navigate, type SearchMode } from '../lib/router.ts';
import {
  flatten,
  groupSemanticHits,
  groupSymbolHits,
  groupTextMatches,
  type FileGroup,
  type SemanticFile,
} from '../lib/searchResults.ts';
import { ErrorState } from '../components/ErrorState.tsx';

interface Results {
  groups: FileGroup[];
  summary: string;
}

async function run(
  repo: number,
  q: string,
  mode: SearchMode,
  branch: string | undefined,
  signal: AbortSignal,
): Promise<Results> {
  if (mode === 'semantic') {
    const answer = await api.tool<{
      files: SemanticFile[];
      terms: string[];
      coverage: { embeddedChunks: number; totalChunks: number; vectorsUsed: boolean };
    }>(repo, 'semantic_search', { query: q, ...(branch ? { branch } : {}) }, signal);
    const { files, terms, coverage } = answer.structured;
    return {
      groups: groupSemanticHits(files, terms),
      summary: `${files.length} files; ${coverage.vectorsUsed ? `vectors for ${coverage.embeddedChunks} of ${coverage.totalChunks} chunks` : 'ranked by text and symbols (no vectors yet)'}`,
    };
  }
  if (mode === 'symbol') {
    const hits = await api.searchSymbols(repo, q, branch, signal);
    return { groups: groupSymbolHits(hits), summary: `${hits.length} symbols` };
  }
  const result = await api.searchText(repo, q, mode === 'regex', branch, signal);
  return {
    groups: groupTextMatches(result.matches),
    summary: `${result.matches.length} matches in ${result.filesMatched} files${result.truncated ? ' (more not shown)' : ''}`,
  };
}

export function SearchPage({
  repo,
  q,
  mode,
  branch,
}: {
  repo: number;
  q: string;
  mode: SearchMode;
  branch: string | undefined;
}) {
  const results = useQuery({
    queryKey: ['search', repo, branch, mode, q],
    queryFn: ({ signal }) => run(repo, q, mode, branch, signal),
    enabled: q.length > 0,
    retry: false,
  });
  const positions = useMemo(() => flatten(results.data?.groups ?? []), [results.data]);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => setActive(0), [results.data]);
  useEffect(() => {
    list.current
      ?.querySelector<HTMLElement>(`[data-index="${active}"]`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const open = (path: string, line: number) =>
    navigate(codeUrl(repo, path, branch, formatLineHash({ from: line, to: line })));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (positions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'j')
      setActive((a) => Math.min(a + 1, positions.length - 1));
    else if (event.key === 'ArrowUp' || event.key === 'k') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') {
      const at = positions[active];
      if (at) open(at.path, at.line);
    } else return;
    event.preventDefault();
  };

  if (!q)
    return (
      <main className="page wrap">
        <p className="muted">Type a query in the search box.</p>
      </main>
    );
  let index = 0;
  return (
    <main className="page wrap search-page" aria-labelledby="search-heading">
      <h1 id="search-heading">
        {mode === 'symbol' ? 'Symbols' : mode === 'semantic' ? 'Files' : 'Matches'} for{' '}
        <code>{q}</code>
      </h1>
      {results.isPending && (
        <p className="muted" role="status">
          Searching…
        </p>
      )}
      {results.isError && <ErrorState error={results.error} retry={() => void results.refetch()} />}
      {results.data && (
        <>
          <p className="muted small" role="status">
            {results.data.summary}
          </p>
          {results.data.groups.length === 0 && (
            <p>Nothing found. Try another mode or a shorter query.</p>
          )}
          <div
            ref={list}
            className="results"
            role="listbox"
            aria-label="Search results"
            tabIndex={0}
            aria-activedescendant={positions.length ? `result-${active}` : undefined}
            onKeyDown={onKeyDown}
          >
            {results.data.groups.map((group) => (
              <section key={group.path} className="result-file" aria-label={group.path}>
                <h2 className="result-path">{group.path}</h2>
                {group.lines.map((line) => {
                  const i = index++;
                  return (
                    <div
                      key={`${line.line}:${line.column}`}
                      id={`result-${i}`}
                      data-index={i}
                      role="option"
                      aria-selected={i === active}
                      className={`result-line${i === active ? ' active' : ''}`}
                      onClick={() => open(group.path, line.line)}
                    >
                      <span className="line-number">{line.line}</span>
                      <code>
                        {line.segments.map((segment, s) =>
                          segment.hit ? (
                            <mark key={s}>{segment.text}</mark>
                          ) : (
                            <span key={s}>{segment.text}</span>
                          ),
                        )}
                      </code>
                    </div>
                  );
                })}
              </section>
            ))}
          </div>
        </>
      )}
    </main>
  );
}
