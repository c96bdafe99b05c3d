/** One `security_scan` finding as the server sends it (severity as the enum name or its id). */
export interface SecurityFinding {
  rule: string;
  severity: string;
  category: string;
  path: string;
  line: number;
  message: string;
  excerpt: string;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityGroup {
  severity: Severity;
  findings: SecurityFinding[];
}

function severityOf(value: string): Severity {
  const id = value.toLowerCase();
  return SEVERITIES.find((s) => s === id) ?? 'low';
}

/** Findings grouped by severity, worst first, each group by path and line; empty groups left out. */
export function groupBySeverity(findings: SecurityFinding[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => ({
    severity,
    findings: findings
      .filter((f) => severityOf(f.severity) === severity)
      .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
  })).filter((g) => g.findings.length > 0);
}
