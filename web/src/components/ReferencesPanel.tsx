import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import { formatLineHash } from '../lib/permalink.ts';
import { referenceLines } from '../lib/referenceContext.ts';
import { codeUrl } from '../lib/router.ts';
import type { SymbolHit } from '../lib/searchResults.ts';
import { ErrorState } from './ErrorState.tsx';
import { Link } from './Link.tsx';

/** Where the chosen definition is used, grouped by file. */
export function ReferencesPanel({
  repo,
  branch,
  symbol,
  onClose,
}: {
  repo: number;
  branch: string | undefined;
  symbol: SymbolHit;
  onClose: () => void;
}) {
  const refs = useQuery({
    queryKey: ['references', repo, branch, symbol.qualifiedName, symbol.path, symbol.line],
    queryFn: ({ signal }) =>
      api.references(repo, symbol.qualifiedName, symbol.path, symbol.line, branch, signal),
    retry: false,
  });
  const definitions = refs.data?.definitions ?? [];
  const total = definitions.reduce((n, d) => n + d.referenceCount, 0);
  return (
    <section className="references panel" aria-labelledby="references-heading">
      <header className="references-head">
        <h2 id="references-heading">
          References to <code>{symbol.name}</code>
          {refs.data && <span className="muted small"> · {total}</span>}
        </h2>
        <button type="button" onClick={onClose} aria-label="Close references">
          ×
        </button>
      </header>
      {refs.isPending && (
        <p className="muted small" role="status">
          Finding references…
        </p>
      )}
      {refs.isError && <ErrorState error={refs.error} />}
      {refs.data && total === 0 && (
        <p className="muted small">No references found in this branch.</p>
      )}
      {definitions.map((definition) => {
        const byFile = new Map<string, typeof definition.references>();
        for (const reference of definition.references) {
          const list = byFile.get(reference.path) ?? [];
          list.push(reference);
          byFile.set(reference.path, list);
        }
        return (
          <div key={`${definition.path}:${definition.line}`}>
            {definitions.length > 1 && (
              <h3 className="small">
                {definition.qualifiedName} ({definition.path}:{definition.line})
              </h3>
            )}
            {[...byFile].map(([path, list]) => (
              <div key={path} className="result-file">
                <h4 className="result-path">{path}</h4>
                <ul>
                  {referenceLines(list).map((entry) =>
                    entry.reference ? (
                      <li
                        key={entry.line}
                        className={entry.gapBefore ? 'reference-gap' : undefined}
                      >
                        <Link
                          className="result-line"
                          href={codeUrl(
                            repo,
                            path,
                            branch,
                            formatLineHash({ from: entry.line, to: entry.line }),
                          )}
                        >
                          <span className="line-number">{entry.line}</span>
                          <code>{entry.text}</code>
                        </Link>
                      </li>
                    ) : (
                      <li
                        key={entry.line}
                        className={`context-line${entry.gapBefore ? ' reference-gap' : ''}`}
                      >
                        <span className="line-number">{entry.line}</span>
                        <code>{entry.text}</code>
                      </li>
                    ),
                  )}
                </ul>
              </div>
            ))}
          </div>
        );
      })}
      {refs.data?.truncated && <p className="muted small">Only the first references are shown.</p>}
    </section>
  );
}
