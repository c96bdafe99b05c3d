import { Link } from '../../components/Link.tsx';
import { clusterColour } from '../../lib/fileGraph.ts';
import { codeUrl } from '../../lib/router.ts';
import { Empty, TabState } from './TabState.tsx';
import { useTool } from './useTool.ts';

interface Community {
  id: number;
  label: string;
  folder: string;
  central: string;
  topSymbols: string[];
  size: number;
  files: string[];
}

interface Communities {
  communities: Community[];
  modularity: number;
  isolatedFiles: number;
}

/** `community_detection`: clusters of the dependency graph with their label, size and files. */
export function CommunitiesTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const query = useTool<Communities>(
    repo,
    'community_detection',
    { files_per_community: 12 },
    branch,
  );
  return (
    <TabState query={query} what="communities">
      {(data) =>
        data.communities.length === 0 ? (
          <Empty>
            No clusters of two or more files depend on each other
            {data.isolatedFiles > 0 ? ` (${data.isolatedFiles} files without dependencies)` : ''}.
          </Empty>
        ) : (
          <>
            <p className="muted small">
              {data.communities.length} {data.communities.length === 1 ? 'cluster' : 'clusters'},
              modularity {data.modularity.toFixed(3)}, {data.isolatedFiles} files without
              dependencies.
            </p>
            <ul className="communities" aria-label="Clusters, largest first">
              {data.communities.map((c, i) => (
                <li
                  key={c.id}
                  className="community"
                  style={{ borderLeftColor: clusterColour(i) }}
                  aria-labelledby={`community-${c.id}`}
                >
                  <h3 id={`community-${c.id}`}>
                    <span
                      className="swatch"
                      style={{ background: clusterColour(i) }}
                      aria-hidden="true"
                    />
                    {c.label} <span className="muted small">{c.size} files</span>
                  </h3>
                  <ul className="community-files">
                    {c.files.map((f) => (
                      <li key={f}>
                        <Link href={codeUrl(repo, f, branch)}>{f}</Link>
                      </li>
                    ))}
                    {c.size > c.files.length && (
                      <li className="muted small">… {c.size - c.files.length} more</li>
                    )}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )
      }
    </TabState>
  );
}
