import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useQueries } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { codeUrl, navigate } from '../lib/router.ts';
import { ancestorFolders, visibleRows, type TreeEntry } from '../lib/tree.ts';

/** The branch's folders, loaded one folder at a time as they are opened. */
export function FileTree({
  repo,
  branch,
  current,
}: {
  repo: number;
  branch: string | undefined;
  current: string;
}) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(ancestorFolders(current)));
  useEffect(() => {
    // Opening a file from search or a permalink reveals it in the tree.
    setExpanded((open) => {
      const needed = ancestorFolders(current).filter((f) => !open.has(f));
      return needed.length ? new Set([...open, ...needed]) : open;
    });
  }, [current]);

  const folders = useMemo(() => ['', ...[...expanded].sort()], [expanded]);
  const results = useQueries({
    queries: folders.map((folder) => ({
      queryKey: ['tree', repo, branch, folder],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.tree(repo, folder, branch, signal),
      staleTime: 30_000,
      retry: false,
    })),
  });
  const children = new Map<string, TreeEntry[]>();
  results.forEach((result, i) => {
    const folder = folders[i];
    if (folder !== undefined && result.data) children.set(folder, result.data.entries);
  });
  const rows = visibleRows(children, expanded);

  const toggle = (path: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const open = (entry: TreeEntry) => {
    if (entry.type === 'dir') toggle(entry.path);
    else navigate(codeUrl(repo, entry.path, branch));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role=treeitem]')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[Math.max(0, Math.min(items.length - 1, to))]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else return;
    event.preventDefault();
  };

  if (results[0]?.isError) return <p className="muted small">The file tree is not available.</p>;
  return (
    <nav aria-label="Files" className="file-tree">
      <ul role="tree" aria-label="Files" onKeyDown={onKeyDown}>
        {rows.map(({ entry, depth, expanded: isOpen, loading }) => (
          <li
            key={entry.path}
            role="treeitem"
            aria-level={depth + 1}
            aria-expanded={entry.type === 'dir' ? isOpen : undefined}
            aria-selected={entry.path === current}
            aria-busy={loading || undefined}
            tabIndex={entry.path === current || (current === '' && depth === 0) ? 0 : -1}
            className={`tree-row ${entry.type}${entry.path === current ? ' current' : ''}`}
            style={{ paddingLeft: `${0.5 + depth * 0.9}rem` }}
            onClick={() => open(entry)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                open(entry);
              } else if (event.key === 'ArrowRight' && entry.type === 'dir' && !isOpen) {
                toggle(entry.path);
              } else if (event.key === 'ArrowLeft' && entry.type === 'dir' && isOpen) {
                toggle(entry.path);
              }
            }}
            title={entry.path}
          >
            <span aria-hidden="true" className="tree-icon">
              {entry.type === 'dir' ? (isOpen ? '▾' : '▸') : '·'}
            </span>
            {entry.name}
          </li>
        ))}
      </ul>
    </nav>
  );
}
