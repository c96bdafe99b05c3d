/**
 * How much of one repository semantic search covers, from `GET /api/index/status` and then from
 * the `embeddings.progress` events on the repository's topic (which carry the same counts).
 */
export interface Coverage {
  done: number;
  total: number;
  /** Chunks of code outside tests: what semantic search needs to cover the repository. */
  coreDone: number;
  coreTotal: number;
}

export interface RepositoryEmbeddings {
  repository: number;
  embeddings: Coverage & { chunksPerSecond: number };
  semanticReady: boolean;
}

export interface IndexStatus {
  textIndexPending: number;
  embeddingsEnabled: boolean;
  repositories: RepositoryEmbeddings[];
}

export interface CoverageView {
  /** The badge: "ready" only when every chunk of code outside tests has a vector. */
  badge: string;
  tone: 'ok' | 'warn' | 'muted';
  /** What the badge means, in a sentence. */
  detail: string;
  ready: boolean;
}

const percent = (n: number, of: number) => (of > 0 ? Math.floor((100 * n) / of) : 100);
const count = (n: number) => n.toLocaleString('en');

/** What to say about one repository's semantic coverage; `undefined`: nothing indexed yet. */
export function coverageView(enabled: boolean, coverage: Coverage | undefined): CoverageView {
  if (!enabled) {
    return {
      badge: 'semantic off',
      tone: 'muted',
      detail:
        'Embeddings are turned off on this server: semantic search ranks by text and symbols.',
      ready: false,
    };
  }
  if (!coverage || coverage.total === 0) {
    return {
      badge: 'semantic pending',
      tone: 'warn',
      detail: 'Nothing embedded yet: semantic search ranks by text and symbols.',
      ready: false,
    };
  }
  if (coverage.coreDone < coverage.coreTotal) {
    const p = percent(coverage.coreDone, coverage.coreTotal);
    return {
      badge: `semantic ${p}%`,
      tone: 'warn',
      detail: `Partial: ${p}% of the code (${count(coverage.coreDone)} of ${count(coverage.coreTotal)} chunks). Until it is complete, semantic search also ranks by text and symbols.`,
      ready: false,
    };
  }
  return {
    badge: 'semantic ready',
    tone: 'ok',
    detail:
      coverage.done >= coverage.total
        ? 'Semantic search covers all of this repository.'
        : `Semantic search covers all code outside tests; tests and test data ${percent(coverage.done, coverage.total)}% (${count(coverage.done)} of ${count(coverage.total)} chunks).`,
    ready: true,
  };
}

/** The status's coverage by repository id, with live event figures (newer) over it. */
export function coverageByRepository(
  status: IndexStatus | undefined,
  live: Record<number, Coverage>,
): Record<number, Coverage> {
  const merged: Record<number, Coverage> = {};
  for (const r of status?.repositories ?? []) merged[r.repository] = r.embeddings;
  return { ...merged, ...live };
}
