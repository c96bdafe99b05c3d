import { useEffect, useRef, useState, type FormEvent } from 'react';
import { navigate, searchUrl, type SearchMode } from '../lib/router.ts';

/** The one search box: `/` focuses it from anywhere outside a text field. */
export function SearchBox({
  repo,
  branch,
  initialQuery,
  initialMode,
}: {
  repo: number;
  branch: string | undefined;
  initialQuery: string;
  initialMode: SearchMode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(initialQuery);
  const [mode, setMode] = useState<SearchMode>(initialMode);
  useEffect(() => setQ(initialQuery), [initialQuery]);
  useEffect(() => setMode(initialMode), [initialMode]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target?.closest('input, textarea, select, [contenteditable="true"]') !== null &&
        target?.closest('input, textarea, select, [contenteditable="true"]') !== undefined;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
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
    if (q.trim()) navigate(searchUrl(repo, q.trim(), mode, branch));
  };

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="search-mode">
        Search mode
      </label>
      <select id="search-mode" value={mode} onChange={(e) => setMode(e.target.value as SearchMode)}>
        <option value="text">Text</option>
        <option value="regex">Regex</option>
        <option value="symbol">Symbol</option>
        <option value="semantic">Semantic</option>
      </select>
      <input
        ref={input}
        type="search"
        aria-label="Search code"
        aria-keyshortcuts="/"
        placeholder="Search code (press /)"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
    </form>
  );
}
