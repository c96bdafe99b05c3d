import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { formatLineHash } from '../lib/permalink.ts';
import { codeUrl, navigate } from '../lib/router.ts';

/** Ctrl-K / Cmd-K: jump to a symbol by name (prefix, camel humps, fuzzy) from anywhere in a repo. */
export function CommandPalette({ repo, branch }: { repo: number; branch: string | undefined }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((o) => !o);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 120);
    return () => clearTimeout(timer);
  }, [text]);

  const hits = useQuery({
    queryKey: ['palette', repo, branch, q],
    queryFn: ({ signal }) => api.searchSymbols(repo, q, branch, signal),
    enabled: open && q.length > 0,
    retry: false,
  });
  const list = (hits.data ?? []).slice(0, 20);
  useEffect(() => setActive(0), [hits.data]);

  if (!open) return null;
  const close = () => {
    setOpen(false);
    setText('');
  };
  const go = (index: number) => {
    const hit = list[index];
    if (!hit) return;
    close();
    navigate(codeUrl(repo, hit.path, branch, formatLineHash({ from: hit.line, to: hit.line })));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, list.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') go(active);
    else return;
    event.preventDefault();
  };

  return (
    <div className="palette-backdrop" onClick={close}>
      <div
        className="palette panel"
        role="dialog"
        aria-modal="true"
        aria-label="Go to symbol"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-expanded={list.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={list.length ? `palette-${active}` : undefined}
          aria-label="Symbol name"
          placeholder="Go to symbol… (Esc closes)"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <ul id="palette-results" role="listbox" aria-label="Symbols">
          {list.map((hit, i) => (
            <li
              key={`${hit.path}:${hit.line}:${hit.qualifiedName}`}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === active}
              className={`result-line${i === active ? ' active' : ''}`}
              onClick={() => go(i)}
            >
              <span className="kind">{hit.kind.toLowerCase()}</span>
              <code>{hit.qualifiedName}</code>
              <span className="muted small">
                {hit.path}:{hit.line}
              </span>
            </li>
          ))}
        </ul>
        {q && hits.data && list.length === 0 && <p className="muted small">No symbol matches.</p>}
      </div>
    </div>
  );
}
