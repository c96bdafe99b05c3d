import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../lib/api.ts';
import { rankDefinitions, type Candidate } from '../lib/overloads.ts';
import type { CallSite } from '../lib/callTypes.ts';
import type { DefinitionRequest } from '../editor/CodeEditor.tsx';
import { clampRange, extendRange, formatLineHash, parseLineHash } from '../lib/permalink.ts';
import { codeUrl, navigate, searchUrl, understandUrl } from '../lib/router.ts';
import type { SymbolHit } from '../lib/searchResults.ts';
import { fetchHover, hoverKey, type HoverTarget } from '../lib/hover.ts';
import { formatSize } from '../lib/tree.ts';
import { useRepoEvents } from '../lib/events.ts';
import { usePageTitle } from '../lib/title.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { isTyping } from '../components/SearchBox.tsx';
import { FileTree } from '../components/FileTree.tsx';
import { Link } from '../components/Link.tsx';
import { ReferencesPanel } from '../components/ReferencesPanel.tsx';

// CodeMirror and its language modes load only when a file is opened.
const CodeEditor = lazy(() => import('../editor/CodeEditor.tsx'));

/** A hover's definition as the references panel takes it. */
function symbolOf(target: HoverTarget): SymbolHit {
  return {
    name: target.name,
    kind: target.kind,
    qualifiedName: target.qualifiedName,
    signature: target.signature,
    path: target.symbol.path,
    line: target.line,
    column: target.column,
  };
}

function Breadcrumbs({
  repo,
  path,
  branch,
  name,
}: {
  repo: number;
  path: string;
  branch: string | undefined;
  name: string;
}) {
  const parts = path.split('/').filter((p) => p.length > 0);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumbs">
      <Link href={codeUrl(repo, '', branch)}>{name}</Link>
      {parts.map((part, i) => (
        <span key={i}>
          {' / '}
          {i === parts.length - 1 ? (
            <span aria-current="page">{part}</span>
          ) : (
            <Link href={codeUrl(repo, parts.slice(0, i + 1).join('/'), branch)}>{part}</Link>
          )}
        </span>
      ))}
    </nav>
  );
}

function FolderListing({
  repo,
  path,
  branch,
}: {
  repo: number;
  path: string;
  branch: string | undefined;
}) {
  const folder = useQuery({
    queryKey: ['tree', repo, branch, path],
    queryFn: ({ signal }) => api.tree(repo, path, branch, signal),
    retry: false,
  });
  if (folder.isPending)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (folder.isError) {
    // Reached when neither a file nor a folder has this path: say so, not "no folder".
    if (folder.error instanceof ApiError && folder.error.code === 'file-not-found')
      return (
        <div className="error-state">
          <h1 className="missing-heading">Not found</h1>
          <p role="alert" className="error">
            There is no file or folder <code>{path}</code> in this branch.
          </p>
          <p>
            <Link href={codeUrl(repo, '', branch)}>Go to the repository root</Link> or press{' '}
            <kbd>t</kbd> to find a file.
          </p>
        </div>
      );
    return <ErrorState error={folder.error} retry={() => void folder.refetch()} />;
  }
  return (
    <table className="listing">
      <caption className="visually-hidden">Contents of {path || 'the repository root'}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Size</th>
        </tr>
      </thead>
      <tbody>
        {folder.data.entries.map((entry) => (
          <tr key={entry.path}>
            <td>
              <Link href={codeUrl(repo, entry.path, branch)}>
                {entry.name}
                {entry.type === 'dir' ? '/' : ''}
              </Link>
            </td>
            <td>{entry.size === null ? 'folder' : formatSize(entry.size)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Outline({
  symbols,
  selected,
  onPick,
}: {
  symbols: SymbolHit[];
  selected: SymbolHit | undefined;
  onPick: (symbol: SymbolHit) => void;
}) {
  if (symbols.length === 0) return <p className="muted small">No symbols in this file.</p>;
  return (
    <ul className="outline-list">
      {symbols.map((symbol, i) => {
        const depth = symbol.container ? symbol.qualifiedName.split(/[.:#/]+/).length - 1 : 0;
        return (
          <li key={`${symbol.qualifiedName}:${symbol.line}:${i}`}>
            <button
              type="button"
              className={`outline-item${selected === symbol ? ' current' : ''}`}
              style={{ paddingLeft: `${0.4 + Math.min(depth, 6) * 0.2}rem` }}
              onClick={() => onPick(symbol)}
              title={symbol.signature}
              aria-label={`${symbol.kind.toLowerCase()} ${symbol.name}, line ${symbol.line}`}
            >
              <span className={`kind kind-${symbol.kind}`}>{symbol.kind}</span> {symbol.name}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function FileView({
  repo,
  path,
  branch,
  hash,
}: {
  repo: number;
  path: string;
  branch: string | undefined;
  hash: string;
}) {
  const file = useQuery({
    queryKey: ['file', repo, branch, path],
    queryFn: ({ signal }) => api.file(repo, path, branch, signal),
    retry: false,
    staleTime: 30_000,
  });
  const outline = useQuery({
    queryKey: ['outline', repo, branch, path],
    queryFn: ({ signal }) => api.outline(repo, path, branch, signal),
    enabled: file.isSuccess,
    retry: false,
  });
  const [symbol, setSymbol] = useState<SymbolHit | undefined>();
  const [jump, setJump] = useState<
    // `ranked`: the first fits the call's arguments better than the others
    { word: string; sites: Candidate[]; ranked: boolean } | undefined
  >();
  const asked = useMemo(() => parseLineHash(hash), [hash]);
  const range = useMemo(
    () => (asked && file.data ? clampRange(asked, Math.max(file.data.lines, 1)) : asked),
    [asked, file.data],
  );
  const pastEnd = asked && file.data && !range ? asked.from : undefined;

  const onLineClick = useCallback(
    (line: number, extend: boolean) => {
      navigate(codeUrl(repo, path, branch, formatLineHash(extendRange(range, line, extend))), {
        replace: true,
      });
    },
    [repo, path, branch, range],
  );

  const client = useQueryClient();
  const hover = useMemo(() => {
    const href = (target: HoverTarget) =>
      codeUrl(
        repo,
        target.symbol.path,
        branch,
        formatLineHash({ from: target.line, to: target.line }),
      );
    return {
      // Cached like any query: hovering the same word again answers at once.
      lookup: (line: number, column: number, call?: CallSite) =>
        client
          .fetchQuery({
            queryKey: hoverKey(repo, branch, { path, line, column }),
            queryFn: ({ signal }) => fetchHover(repo, branch, { path, line, column }, signal),
            staleTime: 5 * 60_000,
          })
          // The overload the call's arguments fit best first: the card, F12 and Shift-F12 agree.
          .then((answer) => ({ ...answer, hovers: rankHovers(answer.hovers, call) })),
      hrefOf: href,
      open: (target: HoverTarget) => navigate(href(target)),
      references: (target: HoverTarget) => setSymbol(symbolOf(target)),
      // A symbol a doc comment names: the symbol search lists its definitions.
      docLinks: {
        href: (name: string) => searchUrl(repo, name, 'symbol', branch),
        open: (name: string) => navigate(searchUrl(repo, name, 'symbol', branch)),
      },
    };
  }, [client, repo, branch, path]);

  const findReferences = useCallback(
    (at: DefinitionRequest) => {
      void hover.lookup(at.line, at.column, at.call).then(
        (answer) => {
          const first = answer.hovers[0];
          if (first) setSymbol(symbolOf(first));
        },
        () => undefined,
      );
    },
    [hover],
  );

  // The index's resolution at the position first (what lsp_hover answers), by name when it knows
  // nothing; then a type over its constructors, and the overloads ranked by how the call's
  // arguments fit them: one clear answer is opened, otherwise the list says which fits best.
  const goToDefinition = useCallback(
    (at: DefinitionRequest) => {
      const { word, call } = at;
      void (async () => {
        const answer = await hover.lookup(at.line, at.column, call).catch(() => undefined);
        let sites: Candidate[] = (answer?.hovers ?? []).map((h) => ({
          name: h.name,
          kind: h.kind,
          path: h.symbol.path,
          line: h.line,
          qualifiedName: h.qualifiedName,
          signature: h.signature,
        }));
        if (sites.length === 0) sites = await api.definitions(repo, word, branch);
        const { sites: ranked, decided, leads } = rankDefinitions(sites, call);
        const only = decided ? ranked[0] : undefined;
        if (only) {
          setJump(undefined);
          navigate(
            codeUrl(repo, only.path, branch, formatLineHash({ from: only.line, to: only.line })),
          );
        } else setJump({ word, sites: ranked, ranked: leads && ranked.length > 1 });
      })().catch(() => setJump({ word, sites: [], ranked: false }));
    },
    [repo, branch, hover],
  );

  if (file.isError) {
    if (file.error instanceof ApiError && file.error.code === 'file-not-found') {
      return <FolderListing repo={repo} path={path} branch={branch} />;
    }
    return <ErrorState error={file.error} retry={() => void file.refetch()} />;
  }
  if (file.isPending)
    return (
      <p className="muted" role="status">
        Loading {path}…
      </p>
    );

  const pick = (picked: SymbolHit) => {
    setSymbol(picked);
    navigate(codeUrl(repo, path, branch, formatLineHash({ from: picked.line, to: picked.line })), {
      replace: true,
    });
  };

  return (
    <div className="file-view">
      <div className="file-main">
        {pastEnd !== undefined && (
          <p className="line-note warn small" role="status">
            Line {pastEnd} is past the end of this file, which has {file.data.lines} line
            {file.data.lines === 1 ? '' : 's'}.
          </p>
        )}
        <p className="file-meta muted small">
          {file.data.lines} lines · {formatSize(file.data.size)} · {file.data.language} · Ctrl-click
          or F12 on a name goes to its definition, Shift-F12 lists its references, Ctrl-I shows its
          signature, Ctrl-F finds in the file, <kbd>?</kbd> lists all keys
          {range && (
            <>
              {' · '}
              <a href={codeUrl(repo, path, branch, formatLineHash(range))}>
                permalink {formatLineHash(range)}
              </a>
            </>
          )}
        </p>
        <Suspense
          fallback={
            <p className="muted" role="status">
              Loading the code view…
            </p>
          }
        >
          <CodeEditor
            content={file.data.content}
            language={file.data.language}
            selected={range}
            onLineClick={onLineClick}
            label={`Contents of ${path}`}
            onGoToDefinition={goToDefinition}
            onFindReferences={findReferences}
            hover={hover}
          />
        </Suspense>
        {jump && (
          <section className="references panel" aria-labelledby="definitions-heading">
            <header className="references-head">
              <h2 id="definitions-heading">
                Definitions of <code>{jump.word}</code>
              </h2>
              <button
                type="button"
                onClick={() => setJump(undefined)}
                aria-label="Close definitions"
              >
                ×
              </button>
            </header>
            {jump.sites.length === 0 ? (
              <p className="muted small" role="status">
                No definition of {jump.word} found in this branch.
              </p>
            ) : (
              <ul>
                {jump.sites.map((site, i) => (
                  <li key={`${site.path}:${site.line}`}>
                    <Link
                      className="result-line"
                      href={codeUrl(
                        repo,
                        site.path,
                        branch,
                        formatLineHash({ from: site.line, to: site.line }),
                      )}
                    >
                      <span className="line-number">{site.line}</span>
                      {jump.ranked && i === 0 && (
                        <span className="badge badge-ok small">best fit for the arguments</span>
                      )}
                      <code>
                        {site.kind.toLowerCase()} {site.signature || site.qualifiedName}
                      </code>
                      <span className="muted small">{site.path}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {symbol && (
          <ReferencesPanel
            repo={repo}
            branch={branch}
            symbol={symbol}
            onClose={() => setSymbol(undefined)}
          />
        )}
      </div>
      <aside className="outline" aria-label="Outline">
        <h2>Outline</h2>
        {outline.isPending && <p className="muted small">Loading…</p>}
        {outline.isError && <p className="muted small">No outline for this file.</p>}
        {outline.data && <Outline symbols={outline.data} selected={symbol} onPick={pick} />}
      </aside>
    </div>
  );
}

/** What `y` did, or what a pinned link says about the commit it names. */
function PinNote({
  commit,
  head,
  branch,
  refused,
}: {
  commit: string | undefined;
  head: string | null | undefined;
  branch: string | undefined;
  refused: boolean;
}) {
  if (refused)
    return (
      <p className="line-note muted small" role="status">
        Nothing to pin: branch {branch} is read from a working tree, not a commit.
      </p>
    );
  if (!commit) return null;
  const short = commit.slice(0, 12);
  return (
    <p className="line-note muted small" role="status">
      {head === commit ? (
        <>
          Pinned to commit <code>{short}</code>, the indexed head of {branch}.
        </>
      ) : (
        <>
          This link is pinned to commit <code>{short}</code>, but {branch} is now at{' '}
          <code>{head ? head.slice(0, 12) : 'a working tree'}</code>; the text shown is the
          branch&apos;s current one.
        </>
      )}
    </p>
  );
}

export function CodePage({
  repo,
  path,
  branch,
  hash,
  commit,
}: {
  repo: number;
  path: string;
  branch: string | undefined;
  hash: string;
  commit?: string | undefined;
}) {
  const info = useQuery({
    queryKey: ['repo', repo],
    queryFn: ({ signal }) => api.repo(repo, signal),
  });
  // A finished index run refreshes the tree, the open file and its outline.
  useRepoEvents([repo]);
  const [pinRefused, setPinRefused] = useState(false);
  const currentBranchName = branch ?? info.data?.defaultBranch;
  const head = info.data?.branches.find((b) => b.name === currentBranchName)?.headCommit;
  usePageTitle(
    `${path ? `${path} · ` : ''}${info.data?.name ?? `repository ${repo}`}${commit ? ` @ ${commit.slice(0, 7)}` : ''}`,
  );
  // `y`, as on GitHub: the URL names the commit the branch is at, so a shared link says which.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'y' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || !info.data) return;
      event.preventDefault();
      if (!head) {
        setPinRefused(true);
        return;
      }
      setPinRefused(false);
      navigate(codeUrl(repo, path, branch, window.location.hash || undefined, head), {
        replace: true,
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [info.data, head, repo, path, branch]);
  useEffect(() => setPinRefused(false), [path]);
  if (info.isError) {
    return (
      <main className="page wrap">
        <ErrorState error={info.error} retry={() => void info.refetch()} />
      </main>
    );
  }
  const name = info.data?.name ?? `repository ${repo}`;
  const branches = info.data?.branches ?? [];
  const currentBranch = branch ?? info.data?.defaultBranch;
  return (
    <div className="code-page">
      <aside className="sidebar">
        <div className="sidebar-head">
          <Link href="/" className="small">
            ← Repositories
          </Link>
          <Link href={understandUrl(repo, 'map', branch)} className="small">
            Understand
          </Link>
          {branches.length > 1 && (
            <label className="small">
              Branch{' '}
              <select
                value={currentBranch}
                onChange={(e) =>
                  navigate(
                    codeUrl(
                      repo,
                      path,
                      e.target.value === info.data?.defaultBranch ? undefined : e.target.value,
                    ),
                  )
                }
              >
                {branches.map((b) => (
                  <option key={b.name}>{b.name}</option>
                ))}
              </select>
            </label>
          )}
        </div>
        <FileTree repo={repo} branch={branch} current={path} />
      </aside>
      <main className="code-main" aria-label={path || name}>
        <Breadcrumbs repo={repo} path={path} branch={branch} name={name} />
        <PinNote commit={commit} head={head} branch={currentBranchName} refused={pinRefused} />
        {path === '' ? (
          <FolderListing repo={repo} path="" branch={branch} />
        ) : (
          <FileView key={path} repo={repo} path={path} branch={branch} hash={hash} />
        )}
      </main>
    </div>
  );
}

/** Hover targets in the order {@link rankDefinitions} puts them for the call, if any. */
function rankHovers(hovers: HoverTarget[], call: CallSite | undefined): HoverTarget[] {
  if (!call || hovers.length < 2) return hovers;
  const sites = hovers.map((h) => ({
    target: h,
    name: h.name,
    kind: h.kind,
    path: h.symbol.path,
    line: h.line,
    qualifiedName: h.qualifiedName,
    signature: h.signature,
  }));
  const ranked = rankDefinitions(sites, call).sites.map((s) => s.target);
  // Narrowing by kind or count may drop some: they follow, so the card can still say how many.
  return [...ranked, ...hovers.filter((h) => !ranked.includes(h))];
}
