import { lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, ApiError, type TextSearchParams } from '../lib/api.ts';
import { formatLineHash } from '../lib/permalink.ts';
import { searchKeys } from '../lib/queryKeys.ts';
import { codeUrl, navigate, searchUrl, type SearchMode, type TextSort } from '../lib/router.ts';
import { useSearchDraft } from '../lib/searchDraft.tsx';
import { describeFilter, parseSearchQuery } from '../lib/searchQuery.ts';
import {
  flatten,
  groupSemanticHits,
  groupSymbolHits,
  groupTextMatches,
  type FileGroup,
  type SemanticFile,
} from '../lib/searchResults.ts';
import { usePageTitle } from '../lib/title.ts';
import { ErrorState } from '../components/ErrorState.tsx';

const MessageResults = lazy(() => import('../chat/MessageResults.tsx'));

interface Results {
  groups: FileGroup[];
  summary: string;
}

async function runOther(
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
  const hits = await api.searchSymbols(repo, q, branch, signal);
  return { groups: groupSymbolHits(hits), summary: `${hits.length} symbols` };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Text and regex searches: every match, a page at a time, with the exact total. */
function useTextSearch(repo: number, params: TextSearchParams, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: searchKeys.text(repo, params),
    queryFn: ({ pageParam, signal }) => api.searchText(repo, params, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    retry: false,
  });
}

export function SearchPage({
  repo,
  q,
  mode,
  branch,
  sort = 'relevance',
  context = 1,
}: {
  repo: number;
  q: string;
  mode: SearchMode;
  branch: string | undefined;
  sort?: TextSort;
  context?: number;
}) {
  usePageTitle(q ? `${q} · Search` : 'Search');
  const textMode = mode === 'text' || mode === 'regex';
  const params = useMemo<TextSearchParams>(
    () => ({ q, regex: mode === 'regex', sort, context, branch }),
    [q, mode, sort, context, branch],
  );
  const text = useTextSearch(repo, params, textMode && q.length > 0);
  const other = useQuery({
    queryKey: searchKeys.other(repo, branch, mode, q),
    queryFn: ({ signal }) => runOther(repo, q, mode, branch, signal),
    enabled: !textMode && q.length > 0,
    retry: false,
  });
  const { draft } = useSearchDraft();

  const pages = text.data?.pages;
  const last = pages?.[pages.length - 1];
  const groups = useMemo(
    () =>
      textMode
        ? groupTextMatches((pages ?? []).flatMap((p) => p.matches))
        : (other.data?.groups ?? []),
    [textMode, pages, other.data],
  );
  const positions = useMemo(() => flatten(groups), [groups]);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => setActive(0), [q, mode, sort, context]);
  useEffect(() => {
    list.current
      ?.querySelector<HTMLElement>(`[data-index="${active}"]`)
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const open = (path: string, line: number) =>
    navigate(codeUrl(repo, path, branch, formatLineHash({ from: line, to: line })));
  const more = () => {
    if (text.hasNextPage && !text.isFetchingNextPage) void text.fetchNextPage();
  };
  const reorder = (next: { sort?: TextSort; context?: number }) =>
    navigate(searchUrl(repo, q, mode, branch, { sort, context, ...next }));
  // After an error the person may have fixed the query in the box: run that, not the old one.
  const retry = () => {
    const edited = draft.q.trim();
    if (edited && (edited !== q || draft.mode !== mode))
      navigate(searchUrl(repo, edited, draft.mode, branch, { sort, context }));
    else if (textMode) void text.refetch();
    else void other.refetch();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (positions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'j') {
      // Walking past the last loaded match loads the next page.
      if (active >= positions.length - 1) more();
      setActive((a) => Math.min(a + 1, positions.length - 1));
    } else if (event.key === 'ArrowUp' || event.key === 'k') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(positions.length - 1);
    else if (event.key === 'Enter') {
      const at = positions[active];
      if (at) open(at.path, at.line);
    } else return;
    event.preventDefault();
  };

  if (!q)
    return (
      <main className="page wrap">
        <h1 className="visually-hidden">Search</h1>
        <p className="muted">Type a query in the search box.</p>
      </main>
    );

  const isPending = textMode ? text.isPending : other.isPending;
  const error = textMode ? text.error : other.error;
  const hasData = textMode ? !!pages : !!other.data;
  const parsed = textMode ? parseSearchQuery(q) : undefined;
  let summary = other.data?.summary ?? '';
  if (textMode && last) {
    const shown = positions.length;
    summary = `${plural(last.total, 'match', 'matches')} in ${plural(last.filesMatched, 'file', 'files')}`;
    if (shown < last.total) summary += ` · showing ${shown.toLocaleString('en')}`;
  }
  let index = 0;
  return (
    <main className="page wrap search-page" aria-labelledby="search-heading">
      <h1 id="search-heading">
        {mode === 'symbol' ? 'Symbols' : mode === 'semantic' ? 'Files' : 'Matches'} for{' '}
        <code>{parsed?.pattern || q}</code>
      </h1>
      {parsed && parsed.filters.length > 0 && (
        <ul className="filters" aria-label="Filters">
          {parsed.filters.map((f, i) => (
            <li key={i} className="filter-chip small">
              {describeFilter(f)}
            </li>
          ))}
        </ul>
      )}
      {textMode && (
        <div className="search-options small">
          <label>
            Order{' '}
            <select
              value={sort}
              onChange={(e) => reorder({ sort: e.target.value as TextSort })}
              aria-label="Order of the matches"
            >
              <option value="relevance">Relevance</option>
              <option value="path">Path</option>
            </select>
          </label>
          <label>
            Context{' '}
            <select
              value={context}
              onChange={(e) => reorder({ context: Number(e.target.value) })}
              aria-label="Lines of context"
            >
              {[0, 1, 2, 3, 5].map((n) => (
                <option key={n} value={n}>
                  {n === 0 ? 'none' : `${n} line${n === 1 ? '' : 's'}`}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {isPending && (
        <p className="muted" role="status">
          Searching…
        </p>
      )}
      {error && !hasData && <ErrorState error={error} retry={retry} />}
      {hasData && (
        <>
          <p className="muted small" role="status" aria-live="polite">
            {summary}
          </p>
          {groups.length === 0 && <p>Nothing found. Try another mode or a shorter query.</p>}
          {groups.length > 0 && (
            <div
              ref={list}
              className="results"
              role="listbox"
              aria-label="Search results"
              tabIndex={0}
              aria-activedescendant={positions.length ? `result-${active}` : undefined}
              onKeyDown={onKeyDown}
            >
              {groups.map((group, g) => (
                <div
                  key={group.path}
                  role="group"
                  className="result-file"
                  aria-labelledby={`result-file-${g}`}
                >
                  <div className="result-path" id={`result-file-${g}`}>
                    {group.path}
                  </div>
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
                        {line.before?.map((t, b) => (
                          <div key={`b${b}`} className="context-line">
                            <span className="line-number">
                              {line.line - line.before!.length + b}
                            </span>
                            <code>{t}</code>
                          </div>
                        ))}
                        <div className="match-line">
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
                          {line.definition && <span className="badge small">definition</span>}
                        </div>
                        {line.after?.map((t, a) => (
                          <div key={`a${a}`} className="context-line">
                            <span className="line-number">{line.line + 1 + a}</span>
                            <code>{t}</code>
                          </div>
                        ))}
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          )}
          {textMode && text.hasNextPage && (
            <button
              type="button"
              className="load-more"
              onClick={more}
              disabled={text.isFetchingNextPage}
            >
              {text.isFetchingNextPage
                ? 'Loading…'
                : `Load ${Math.min(100, (last?.total ?? 0) - positions.length).toLocaleString('en')} more`}
            </button>
          )}
          {textMode && text.isFetchNextPageError && (
            // A cursor from before the branch was indexed again cannot go on: start over.
            <ErrorState
              error={text.error}
              retry={() =>
                void (text.error instanceof ApiError && text.error.code === 'invalid-cursor'
                  ? text.refetch()
                  : more())
              }
            />
          )}
        </>
      )}
      {/* The team's messages beside the code: the same query, loaded with the chat's code. */}
      {q.trim() && mode !== 'regex' && (
        <Suspense fallback={null}>
          <MessageResults q={parsed?.pattern || q} />
        </Suspense>
      )}
    </main>
  );
}
