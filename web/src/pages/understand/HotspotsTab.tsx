import { Link } from '../../components/Link.tsx';
import { codeUrl } from '../../lib/router.ts';
import { squarify } from '../../lib/treemap.ts';
import { Empty, TabState } from './TabState.tsx';
import { useTool } from './useTool.ts';

interface Hotspot {
  path: string;
  score: number;
  churn: {
    commits: number;
    linesAdded: number;
    linesRemoved: number;
    authors: number;
    lastChange: string;
  } | null;
  complexity: { cyclomatic: number; functions: number; maxNesting: number };
  fanIn: number;
}

interface Hotspots {
  history: string;
  churnKnown: boolean;
  considered: number;
  files: Hotspot[];
}

// The treemap is laid out in this virtual rectangle and placed in percent, so it scales.
const WIDTH = 1000;
const HEIGHT = 420;

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function score(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** `hotspots`: a squarified treemap (area = score) and the table of its factors. */
export function HotspotsTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const query = useTool<Hotspots>(repo, 'hotspots', { limit: 30 }, branch);
  return (
    <TabState query={query} what="hotspots">
      {(data) => {
        if (data.files.length === 0) {
          return <Empty>No hotspots: {data.history}.</Empty>;
        }
        const top = data.files[0]?.score ?? 1;
        const tiles = squarify(
          data.files.map((f) => ({ key: f.path, value: f.score })),
          WIDTH,
          HEIGHT,
        );
        return (
          <>
            <p className="muted small">
              {data.churnKnown
                ? `score = commits × cyclomatic × log2(2 + fan-in); git: ${data.history}`
                : `score = cyclomatic × log2(2 + fan-in) (${data.history})`}
              ; {data.considered} source files considered.
            </p>
            <ol className="treemap" aria-label="Hotspot treemap, largest score first">
              {tiles.map((t) => (
                <li
                  key={t.key}
                  // Tiles too small for a readable label keep only their tooltip and list name.
                  className={
                    t.width < 60 || t.height < 36 ? 'treemap-tile treemap-tiny' : 'treemap-tile'
                  }
                  style={{
                    left: `${(t.x / WIDTH) * 100}%`,
                    top: `${(t.y / HEIGHT) * 100}%`,
                    width: `${(t.width / WIDTH) * 100}%`,
                    height: `${(t.height / HEIGHT) * 100}%`,
                    background: `color-mix(in srgb, var(--bad-bg) ${Math.round(
                      30 + (70 * t.value) / top,
                    )}%, var(--surface))`,
                  }}
                >
                  <Link
                    href={codeUrl(repo, t.key, branch)}
                    title={`${t.key}: score ${score(t.value)}`}
                  >
                    {/* The name comes from the content, folder and "score" hidden but read, so
                        what a speech user sees is what the link is called. */}
                    <span className="visually-hidden">{folderOf(t.key)}</span>
                    <span className="treemap-name">{fileName(t.key)}</span>
                    <span className="visually-hidden">, score</span>{' '}
                    <span className="treemap-score">{score(t.value)}</span>
                  </Link>
                </li>
              ))}
            </ol>
            <table className="factors">
              <caption className="visually-hidden">Hotspot factors</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Score</th>
                  {data.churnKnown && (
                    <>
                      <th scope="col">Commits</th>
                      <th scope="col">Lines +/−</th>
                      <th scope="col">Authors</th>
                      <th scope="col">Last change</th>
                    </>
                  )}
                  <th scope="col">Cyclomatic</th>
                  <th scope="col">Functions</th>
                  <th scope="col">Nesting</th>
                  <th scope="col">Fan-in</th>
                </tr>
              </thead>
              <tbody>
                {data.files.map((f) => (
                  <tr key={f.path}>
                    <th scope="row">
                      <Link href={codeUrl(repo, f.path, branch)}>{f.path}</Link>
                    </th>
                    <td>{score(f.score)}</td>
                    {data.churnKnown && (
                      <>
                        <td>{f.churn?.commits ?? '—'}</td>
                        <td>{f.churn ? `+${f.churn.linesAdded}/−${f.churn.linesRemoved}` : '—'}</td>
                        <td>{f.churn?.authors ?? '—'}</td>
                        <td>{f.churn ? String(f.churn.lastChange).slice(0, 10) : '—'}</td>
                      </>
                    )}
                    <td>{f.complexity.cyclomatic}</td>
                    <td>{f.complexity.functions}</td>
                    <td>{f.complexity.maxNesting}</td>
                    <td>{f.fanIn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </TabState>
  );
}
