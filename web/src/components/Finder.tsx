import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { fuzzyFilter, splitLine } from '../lib/fuzzy.ts';
import { formatLineHash } from '../lib/permalink.ts';
import { finderKeys } from '../lib/queryKeys.ts';
import { codeUrl, navigate } from '../lib/router.ts';
import { highlight } from '../lib/searchResults.ts';
import { useDialog } from './useDialog.ts';
import { isTyping } from './SearchBox.tsx';

const FILES_SHOWN = 8;
const SYMBOLS_SHOWN = 8;

interface Row {
  key: string;
  path: string;
  line: number | undefined;
  kind: 'file' | 'symbol';
  label: string;
  detail?: string;
  positions: number[];
}

/** Opens the finder: Ctrl-K or Cmd-K anywhere, `t` outside a text field. */
export function isFinderKey(event: globalThis.KeyboardEvent): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k')
    return true;
  return (
    event.key === 't' &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !isTyping(event.target)
  );
}

/**
 * One finder for a repository (Ctrl-K, `t`): files by fuzzy path match, filtered here as the
 * person types, and symbols by name from the server; `Name.java:42` opens a file at a line.
 */
export function Finder({ repo, branch }: { repo: number; branch: string | undefined }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const close = () => {
    setOpen(false);
    setText('');
    setQ('');
  };
  useDialog(dialog, open, close);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isFinderKey(event)) return;
      event.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 100);
    return () => clearTimeout(timer);
  }, [text]);

  // Files are filtered here on every key press, so Enter always acts on what was typed; only the
  // symbol search, a request, waits for a pause in typing.
  const { text: wanted, line } = splitLine(text);
  const { text: symbolQuery, line: symbolLine } = splitLine(q);
  const paths = useQuery({
    queryKey: finderKeys.paths(repo, branch),
    queryFn: ({ signal }) => api.paths(repo, branch, signal),
    enabled: open,
    staleTime: 60_000,
    retry: false,
  });
  const symbols = useQuery({
    queryKey: finderKeys.symbols(repo, branch, symbolQuery),
    queryFn: ({ signal }) => api.searchSymbols(repo, symbolQuery, branch, signal),
    enabled: open && symbolQuery.length >= 2 && symbolLine === undefined,
    retry: false,
  });

  const rows = useMemo<Row[]>(() => {
    const files: Row[] = fuzzyFilter(wanted, paths.data?.paths ?? [], FILES_SHOWN).map((m) => ({
      key: `f:${m.path}`,
      path: m.path,
      line,
      kind: 'file',
      label: m.path,
      positions: m.positions,
    }));
    const found: Row[] =
      line !== undefined || !wanted
        ? []
        : (symbols.data ?? []).slice(0, SYMBOLS_SHOWN).map((hit) => ({
            key: `s:${hit.path}:${hit.line}:${hit.qualifiedName}`,
            path: hit.path,
            line: hit.line,
            kind: 'symbol',
            label: hit.qualifiedName,
            detail: hit.kind.toLowerCase(),
            positions: [],
          }));
    return [...files, ...found];
  }, [wanted, line, paths.data, symbols.data]);
  useEffect(() => setActive(0), [rows.length, text]);

  const trigger = (
    <button
      type="button"
      className="finder-button small"
      aria-keyshortcuts="Control+K t"
      onClick={() => setOpen(true)}
    >
      Go to file <kbd>Ctrl-K</kbd>
    </button>
  );
  if (!open) return trigger;
  const go = (index: number) => {
    const row = rows[index];
    if (!row) return;
    close();
    const hash =
      row.line === undefined ? undefined : formatLineHash({ from: row.line, to: row.line });
    navigate(codeUrl(repo, row.path, branch, hash));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, rows.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') go(active);
    else return;
    event.preventDefault();
  };
  const files = rows.filter((r) => r.kind === 'file');
  const found = rows.filter((r) => r.kind === 'symbol');
  const option = (row: Row, i: number) => (
    <li
      key={row.key}
      id={`finder-${i}`}
      role="option"
      aria-selected={i === active}
      className={`finder-row${i === active ? ' active' : ''}`}
      onClick={() => go(i)}
    >
      {row.kind === 'file' ? (
        <code className="finder-path">
          {highlight(
            row.label,
            row.positions.map((p) => [p, p + 1]),
          ).map((s, n) => (s.hit ? <mark key={n}>{s.text}</mark> : <span key={n}>{s.text}</span>))}
          {row.line !== undefined && `:${row.line}`}
        </code>
      ) : (
        <>
          <span className="finder-name">
            <span className="kind">{row.detail}</span> <code>{row.label}</code>
          </span>
          <code className="finder-path muted small">
            {row.path}:{row.line}
          </code>
        </>
      )}
    </li>
  );

  return (
    <>
      {trigger}
      <div className="palette-backdrop" onClick={close}>
        <div
          ref={dialog}
          className="palette panel"
          role="dialog"
          aria-modal="true"
          aria-label="Go to file or symbol"
          onClick={(e) => e.stopPropagation()}
          onKeyDown={onKeyDown}
        >
          <input
            ref={input}
            type="text"
            role="combobox"
            aria-expanded={rows.length > 0}
            aria-controls="finder-results"
            aria-autocomplete="list"
            aria-activedescendant={rows.length ? `finder-${active}` : undefined}
            aria-label="File or symbol"
            placeholder="Go to file or symbol… (Name.java:42 for a line; Esc closes)"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div id="finder-results" role="listbox" aria-label="Files and symbols">
            {files.length > 0 && (
              <ul role="group" aria-label="Files">
                <li role="presentation" aria-hidden="true" className="finder-heading small muted">
                  Files
                </li>
                {files.map((row, i) => option(row, i))}
              </ul>
            )}
            {found.length > 0 && (
              <ul role="group" aria-label="Symbols">
                <li role="presentation" aria-hidden="true" className="finder-heading small muted">
                  Symbols
                </li>
                {found.map((row, i) => option(row, files.length + i))}
              </ul>
            )}
          </div>
          <p className="small muted finder-status" role="status">
            {paths.isPending
              ? 'Loading the file list…'
              : paths.isError
                ? 'The file list is not available (is the branch indexed?).'
                : q && rows.length === 0 && !symbols.isFetching
                  ? 'No file or symbol matches.'
                  : `${(paths.data?.paths.length ?? 0).toLocaleString('en')} files · ↑↓ to choose, Enter to open`}
          </p>
        </div>
      </div>
    </>
  );
}
