import { Link } from '../../components/Link.tsx';
import { codeUrl } from '../../lib/router.ts';
import { Empty, TabState } from './TabState.tsx';
import { useTool } from './useTool.ts';

interface MapSymbol {
  path: string;
  line: number;
  kind: string;
  name: string;
  qualifiedName: string;
  signature: string;
}

interface RepoMap {
  files: { path: string; rank: number; symbols: MapSymbol[] }[];
  totalFiles: number;
}

function firstLine(signature: string, name: string): string {
  const line = signature.split('\n')[0]?.trim() ?? '';
  return line || name;
}

/** `repo_map`: the most central files, each with its key symbols linked to their lines. */
export function RepoMapTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const query = useTool<RepoMap>(repo, 'repo_map', { max_tokens: 4000 }, branch);
  return (
    <TabState query={query} what="the repo map">
      {(map) =>
        map.files.length === 0 ? (
          <Empty>No files with symbols yet: the map fills in once the branch is indexed.</Empty>
        ) : (
          <>
            <p className="muted small">
              {map.files.length} of {map.totalFiles} files, most central first (PageRank on the
              reference graph).
            </p>
            <ol className="repo-map" aria-label="Files by rank">
              {map.files.map((file) => (
                <li key={file.path}>
                  <Link href={codeUrl(repo, file.path, branch)} className="result-path">
                    {file.path}
                  </Link>
                  {file.symbols.length > 0 && (
                    <ul className="map-symbols" aria-label={`Key symbols of ${file.path}`}>
                      {file.symbols.map((s) => (
                        <li key={`${s.line}:${s.name}`}>
                          <Link href={codeUrl(repo, s.path || file.path, branch, `#L${s.line}`)}>
                            <span className="line-number">{s.line}</span>{' '}
                            <span className="kind">{s.kind.toLowerCase()}</span>{' '}
                            <code>{firstLine(s.signature, s.name)}</code>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </>
        )
      }
    </TabState>
  );
}
