import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { api, type RepositoryInfo } from '../lib/api.ts';
import { fuzzyFilter } from '../lib/fuzzy.ts';
import { finderKeys } from '../lib/queryKeys.ts';
import {
  completionAt,
  fileToken,
  insertAt,
  mentionToken,
  repoPrefix,
  repoToken,
  symbolToken,
  type Completion,
} from './tokens.ts';

export interface Person {
  userId: number;
  displayName: string;
}

interface Option {
  key: string;
  label: string;
  detail?: string;
  insert: string;
}

const SHOWN = 8;
const TYPING_EVERY_MS = 3_000;

function useOptions(
  completion: Completion | null,
  people: readonly Person[],
  repos: readonly RepositoryInfo[],
): Option[] {
  const repo =
    completion && (completion.kind === 'code' || completion.kind === 'symbol')
      ? repos.find((r) => r.name === completion.repo || String(r.id) === completion.repo)
      : undefined;
  const query = completion?.query ?? '';
  const paths = useQuery({
    queryKey: finderKeys.paths(repo?.id ?? 0, undefined),
    queryFn: ({ signal }) => api.paths(repo?.id ?? 0, undefined, signal),
    enabled: completion?.kind === 'code' && repo !== undefined,
    staleTime: 60_000,
  });
  const symbols = useQuery({
    queryKey: finderKeys.symbols(repo?.id ?? 0, undefined, query),
    queryFn: ({ signal }) => api.searchSymbols(repo?.id ?? 0, query, undefined, signal),
    enabled:
      (completion?.kind === 'code' || completion?.kind === 'symbol') &&
      repo !== undefined &&
      query.length >= 2,
    staleTime: 30_000,
  });
  return useMemo(() => {
    if (!completion) return [];
    const q = completion.query.toLowerCase();
    switch (completion.kind) {
      case 'person':
        return people
          .filter((p) => p.displayName.toLowerCase().includes(q))
          .slice(0, SHOWN)
          .map((p) => ({
            key: `u${p.userId}`,
            label: `@${p.displayName}`,
            insert: mentionToken(p.userId),
          }));
      case 'repo':
        return repos
          .filter((r) => r.name.toLowerCase().includes(q))
          .slice(0, SHOWN)
          .flatMap((r) => [
            { key: `r${r.id}`, label: r.name, detail: 'repository', insert: repoToken(r.name) },
            {
              key: `rp${r.id}`,
              label: `${r.name}:`,
              detail: 'a file or symbol in it…',
              insert: repoPrefix(r.name),
            },
          ]);
      case 'code':
      case 'symbol': {
        if (!repo) return [];
        const files =
          completion.kind === 'code' && paths.data
            ? fuzzyFilter(completion.query, paths.data.paths, SHOWN).map((m) => ({
                key: `f${m.path}`,
                label: m.path,
                detail: 'file',
                insert: fileToken(repo.name, m.path),
              }))
            : [];
        const found = (symbols.data ?? []).slice(0, SHOWN).map((s) => ({
          key: `s${s.name}:${s.path}:${s.line}`,
          label: s.name,
          detail: `${s.kind} · ${s.path}`,
          insert: symbolToken(repo.name, s.name),
        }));
        return [...files, ...found].slice(0, SHOWN * 2);
      }
    }
  }, [completion, people, repos, repo, paths.data, symbols.data]);
}

/**
 * The message composer: Enter sends, Shift+Enter starts a new line, Escape cancels an edit.
 * `@` completes the org's people (inserting `<@ID>`), `[[` repositories, then their files and
 * symbols (inserting a code link). Typing is announced to the channel now and then.
 */
export function Composer({
  label,
  initial = '',
  people,
  repos,
  onSend,
  onCancel,
  onTyping,
  submitLabel = 'Send',
}: {
  label: string;
  initial?: string;
  people: readonly Person[];
  repos: readonly RepositoryInfo[];
  onSend: (text: string) => Promise<unknown>;
  onCancel?: () => void;
  onTyping?: () => void;
  submitLabel?: string;
}) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const lastTyping = useRef(0);
  const listId = useId();
  const completion = completionAt(text, caret);
  const open = completion !== null && dismissed !== completion.start;
  const options = useOptions(open ? completion : null, people, repos);
  const showing = open && options.length > 0;

  const choose = (option: Option) => {
    if (!completion) return;
    const next = insertAt(text, caret, completion.start, option.insert);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(body);
      setText('');
      setCaret(0);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (showing) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((a) => (a + step + options.length) % options.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const option = options[Math.min(active, options.length - 1)];
        if (option) choose(option);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissed(completion?.start ?? null);
        return;
      }
    }
    if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="composer-field">
        <textarea
          ref={area}
          aria-label={label}
          rows={Math.min(8, Math.max(1, text.split('\n').length))}
          value={text}
          role="combobox"
          aria-expanded={showing}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            showing ? `${listId}-${Math.min(active, options.length - 1)}` : undefined
          }
          placeholder={`${label} (@ someone, [[ code)`}
          title="Enter sends, Shift+Enter starts a new line; @ mentions someone, [[ links code"
          onChange={(e) => {
            setText(e.target.value);
            setCaret(e.target.selectionStart);
            setActive(0);
            if (onTyping && Date.now() - lastTyping.current > TYPING_EVERY_MS && e.target.value) {
              lastTyping.current = Date.now();
              onTyping();
            }
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          autoFocus={initial !== ''}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label="Suggestions"
          className="composer-options"
          hidden={!showing}
        >
          {showing &&
            options.map((option, i) => (
              <li
                key={option.key}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === Math.min(active, options.length - 1)}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(option);
                }}
              >
                <span>{option.label}</span>
                {option.detail && <span className="small muted"> {option.detail}</span>}
              </li>
            ))}
        </ul>
      </div>
      <div className="composer-actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" disabled={sending || !text.trim()}>
          {submitLabel}
        </button>
      </div>
      {error && (
        <p role="alert" className="small error">
          {error}
        </p>
      )}
    </form>
  );
}
