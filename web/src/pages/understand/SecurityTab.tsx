import { useQuery } from '@tanstack/react-query';
import { Link } from '../../components/Link.tsx';
import { api, type SecurityRule } from '../../lib/api.ts';
import { securityKeys } from '../../lib/queryKeys.ts';
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

/** What the scan checked, by category: a clean result means little without it. */
function RuleSet() {
  const rules = useQuery({
    queryKey: securityKeys.rules(),
    queryFn: ({ signal }) => api.securityRules(signal),
    staleTime: Infinity,
    retry: false,
  });
  if (!rules.data) return null;
  const byCategory = new Map<string, SecurityRule[]>();
  for (const rule of rules.data) {
    const list = byCategory.get(rule.category) ?? [];
    list.push(rule);
    byCategory.set(rule.category, list);
  }
  return (
    <details className="rule-set small">
      <summary>
        Checked against {rules.data.length} rules:{' '}
        {[...byCategory].map(([category, list]) => `${category} (${list.length})`).join(', ')}
      </summary>
      <ul>
        {rules.data.map((rule) => (
          <li key={rule.id}>
            <span className="kind">{rule.id}</span> <span className="muted">{rule.severity}</span>{' '}
            {rule.message}
            {rule.extensions.length > 0 && (
              <span className="muted"> ({rule.extensions.map((e) => `.${e}`).join(' ')})</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** `security_scan`: findings grouped by severity, each with a path:line link. */
export function SecurityTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const query = useTool<Scan>(repo, 'security_scan', {}, branch);
  return (
    <TabState query={query} what="the security scan">
      {(scan) => {
        const groups = groupBySeverity(scan.findings);
        if (groups.length === 0) {
          return (
            <>
              <Empty>
                No findings in {scan.files_scanned} files: none of the rules below matched.
              </Empty>
              <RuleSet />
            </>
          );
        }
        return (
          <>
            <p className="muted small">
              {scan.findings.length}
              {scan.truncated ? '+' : ''} findings in {scan.files_scanned} files.
            </p>
            <RuleSet />
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
