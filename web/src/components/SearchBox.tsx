import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { messageSearchUrl, navigate, searchUrl, type SearchMode } from '../lib/router.ts';
import { useSearchDraft } from '../lib/searchDraft.tsx';
import { SEARCH_SYNTAX } from '../lib/searchQuery.ts';

/**
 * Whether a key press landed in a field where the key types text. The read-only code view takes
 * focus and shows a caret, but typing there types nothing, so single-key shortcuts work in it.
 */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element?.closest?.(
    'input, textarea, select, [contenteditable="true"]:not([aria-readonly="true"])',
  );
}

/**
 * The one search box: `/` focuses it from anywhere outside a text field. In a repository it
 * searches its code (and the team's messages beside it); elsewhere messages only.
 */
export function SearchBox({
  repo,
  branch,
  initialQuery,
  initialMode,
}: {
  repo: number | undefined;
  branch: string | undefined;
  initialQuery: string;
  initialMode: SearchMode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const { draft, setDraft } = useSearchDraft();
  const [help, setHelp] = useState(false);
  const helpId = useId();
  // The URL decides what the box shows whenever it changes.
  useEffect(
    () => setDraft({ q: initialQuery, mode: initialMode }),
    [initialQuery, initialMode, setDraft],
  );
  const { q, mode } = draft;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.key === '/' &&
        !isTyping(event.target) &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey
      ) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    navigate(
      repo === undefined ? messageSearchUrl(q.trim()) : searchUrl(repo, q.trim(), mode, branch),
    );
  };

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      {repo !== undefined && (
        <>
          <label className="visually-hidden" htmlFor="search-mode">
            Search mode
          </label>
          <select
            id="search-mode"
            value={mode}
            onChange={(e) => setDraft({ q, mode: e.target.value as SearchMode })}
          >
            <option value="text">Text</option>
            <option value="regex">Regex</option>
            <option value="symbol">Symbol</option>
            <option value="semantic">Semantic</option>
          </select>
        </>
      )}
      <input
        ref={input}
        type="search"
        aria-label={repo === undefined ? 'Search messages' : 'Search code'}
        aria-keyshortcuts="/"
        aria-describedby={help ? helpId : undefined}
        placeholder={repo === undefined ? 'Search messages (press /)' : 'Search code (press /)'}
        value={q}
        onChange={(e) => setDraft({ q: e.target.value, mode })}
      />
      {repo !== undefined && (
        <button
          type="button"
          className="search-help-toggle"
          aria-expanded={help}
          aria-controls={helpId}
          onClick={() => setHelp((h) => !h)}
        >
          Syntax
        </button>
      )}
      {help && repo !== undefined && (
        <div id={helpId} className="search-help panel" role="note" aria-label="Search syntax">
          <p className="small">
            Text and regex searches take filters anywhere in the query; the rest is the text to
            find.
          </p>
          <dl className="small">
            {SEARCH_SYNTAX.map((row) => (
              <div key={row.example}>
                <dt>
                  <code>{row.example}</code>
                </dt>
                <dd>{row.meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="small muted">
            Results come code first (definitions on top), tests last; choose path order on the
            results page. Press <kbd>?</kbd> for keyboard shortcuts.
          </p>
        </div>
      )}
    </form>
  );
}
