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

/**
 * How much of a repository the trigram text index still has to take: `pending` of the `files`
 * (distinct contents) its branches hold. Text search is complete meanwhile, only slower.
 */
export interface TextIndexBacklog {
  files: number;
  pending: number;
}

export interface RepositoryEmbeddings {
  repository: number;
  /** Absent from servers older than the per-repository backlog. */
  textIndex?: TextIndexBacklog;
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

/** What to say about one repository's text index; `undefined` when the server does not say. */
export function textIndexView(backlog: TextIndexBacklog | undefined): CoverageView | undefined {
  if (!backlog) return undefined;
  if (backlog.pending === 0)
    return {
      badge: 'text index ready',
      tone: 'ok',
      detail: `Text and regex search use the trigram index for all ${count(backlog.files)} files.`,
      ready: true,
    };
  const p = percent(backlog.files - backlog.pending, backlog.files);
  return {
    badge: `text index ${p}%`,
    tone: 'warn',
    detail: `${count(backlog.pending)} of ${count(backlog.files)} files still to index: text search already finds every match, more slowly until then.`,
    ready: false,
  };
}

/**
 * How often to ask for the status again: while some repository's text index is still being
 * written (no event says when it is done); never once all are complete.
 */
export function statusRefetchInterval(status: IndexStatus | undefined): number | false {
  return status?.repositories.some((r) => (r.textIndex?.pending ?? 0) > 0) ? 2000 : false;
}
