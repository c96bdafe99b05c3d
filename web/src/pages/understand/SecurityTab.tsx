import { Link } from '../../components/Link.tsx';
import { groupBySeverity, type SecurityFinding } from '../../lib/findings.ts';
import { codeUrl } from '../../lib/router.ts';
import { Empty, TabState } from './TabState.tsx';
import { useTool } from './useTool.ts';

interface Scan {
  findings: SecurityFinding[];
  files_scanned: number;
  truncated: boolean;
}

const BADGE = { critical: 'badge-bad', high: 'badge-bad', medium: 'badge-warn', low: 'badge-low' };

/** `security_scan`: findings grouped by severity, each with a path:line link. */
export function SecurityTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const query = useTool<Scan>(repo, 'security_scan', {}, branch);
  return (
    <TabState query={query} what="the security scan">
      {(scan) => {
        const groups = groupBySeverity(scan.findings);
        if (groups.length === 0) {
          return (
            <Empty>
              No findings in {scan.files_scanned} files: no hard-coded secrets or dangerous calls
              matched.
            </Empty>
          );
        }
        return (
          <>
            <p className="muted small">
              {scan.findings.length}
              {scan.truncated ? '+' : ''} findings in {scan.files_scanned} files.
            </p>
            {groups.map((g) => (
              <section key={g.severity} aria-labelledby={`severity-${g.severity}`}>
                <h3 id={`severity-${g.severity}`}>
                  <span className={`badge ${BADGE[g.severity]}`}>{g.severity}</span>{' '}
                  {g.findings.length}
                </h3>
                <ul className="findings">
                  {g.findings.map((f, i) => (
                    <li key={`${f.path}:${f.line}:${f.rule}:${i}`}>
                      <Link href={codeUrl(repo, f.path, branch, `#L${f.line}`)}>
                        {f.path}:{f.line}
                      </Link>{' '}
                      <span className="kind">{f.rule}</span> {f.message}
                      <pre className="excerpt">{f.excerpt}</pre>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        );
      }}
    </TabState>
  );
}
