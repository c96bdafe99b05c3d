import { authFetch } from './auth.ts';
import type { IndexStatus } from './coverage.ts';
import type { FileGraph } from './fileGraph.ts';
import type { SymbolHit, TextMatch } from './searchResults.ts';
import type { TreeEntry } from './tree.ts';

/** An RFC 9457 problem the server answered with, or a failure to reach it (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly type: string | undefined,
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  /** The server did not answer at all (it is down, or the network is). */
  get unreachable(): boolean {
    return this.status === 0;
  }

  /** The problem type's last segment, e.g. `not-indexed`. */
  get code(): string | undefined {
    return this.type?.split('/').pop();
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  return (await sendJson<T>(body === undefined ? 'GET' : 'POST', url, body, signal)) as T;
}

/**
 * A request to the API with the signed-in account's bearer (see auth.ts): answers the JSON body,
 * or undefined for 204; a problem answer throws an ApiError with its detail.
 */
export async function sendJson<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T | undefined> {
  let response: Response;
  try {
    response = await authFetch(url, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, 'Server not reachable', 'Is ./atelier serve running?', undefined);
  }
  if (!response.ok) {
    let problem: { title?: string; detail?: string; type?: string } = {};
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // not a problem document (a proxy's error page, say)
    }
    throw new ApiError(
      response.status,
      problem.title ?? `HTTP ${response.status}`,
      problem.detail,
      problem.type,
    );
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined;
  return (await response.json()) as T;
}

export interface BranchInfo {
  name: string;
  state: string;
  filesDone: number;
  filesTotal: number;
  indexedAt?: string | null;
  headCommit?: string | null;
  lastError?: string | null;
}

/** A clone of a git URL, running as a job on the server. */
export interface CloneJob {
  id: string;
  url: string;
  state: 'running' | 'completed' | 'failed';
  repositoryId: number | null;
  errorCode: string | null;
  error: string | null;
}

export interface RepositoryInfo {
  id: number;
  name: string;
  kind: string;
  location: string;
  defaultBranch: string;
  branches: BranchInfo[];
}

export interface Folder {
  path: string;
  entries: TreeEntry[];
}

export interface FileText {
  path: string;
  sha: string;
  size: number;
  language: string;
  lines: number;
  content: string;
}

/** One page of `GET /api/repos/{id}/search/text`, with the exact size of the whole answer. */
export interface TextSearchPage {
  matches: TextMatch[];
  total: number;
  filesMatched: number;
  offset: number;
  nextCursor?: string | null;
  /** The text searched for, once the filters were taken out of the query. */
  pattern: string;
  sort: 'RELEVANCE' | 'PATH';
  candidates: number;
}

export type TextSort = 'relevance' | 'path';

/** What a text search asks for besides the repository; the cursor picks the page. */
export interface TextSearchParams {
  q: string;
  regex: boolean;
  sort: TextSort;
  context: number;
  branch?: string | undefined;
}

export interface ReferenceView {
  path: string;
  line: number;
  column: number;
  kind: string;
  text: string;
  /** Context lines before the reference (nearest last) and after it. */
  before?: string[];
  after?: string[];
}

export interface DefinitionView {
  name: string;
  kind: string;
  qualifiedName: string;
  path: string;
  line: number;
  referenceCount: number;
  references: ReferenceView[];
}

export interface DefinitionSite {
  name: string;
  kind: string;
  qualifiedName: string;
  path: string;
  line: number;
}

export interface ReferencesView {
  symbol: string;
  definitions: DefinitionView[];
  truncated: boolean;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What a tool answers over REST: its text for agents and its structured content. */
export interface ToolAnswer<T> {
  text: string;
  structured: T;
}

/** A rule of the security scan, as `GET /api/security/rules` lists them. */
export interface SecurityRule {
  id: string;
  severity: string;
  category: string;
  message: string;
  extensions: string[];
}

export const api = {
  securityRules: (signal?: AbortSignal) => getJson<SecurityRule[]>('/api/security/rules', signal),
  tool: <T>(id: number, name: string, args: Record<string, unknown>, signal?: AbortSignal) =>
    getJson<ToolAnswer<T>>(`/api/repos/${id}/tools/${name}`, signal, args),
  repos: (signal?: AbortSignal) => getJson<RepositoryInfo[]>('/api/repos', signal),
  indexStatus: (signal?: AbortSignal) => getJson<IndexStatus>('/api/index/status', signal),
  /** A folder answers the repository; a git URL answers the clone job it started. */
  addRepository: (source: { path: string } | { gitUrl: string }) =>
    getJson<RepositoryInfo | CloneJob>('/api/repos', undefined, source),
  clone: (id: string, signal?: AbortSignal) =>
    getJson<CloneJob>(`/api/clones/${encodeURIComponent(id)}`, signal),
  repo: (id: number, signal?: AbortSignal) => getJson<RepositoryInfo>(`/api/repos/${id}`, signal),
  tree: (id: number, path: string, branch?: string, signal?: AbortSignal) =>
    getJson<Folder>(`/api/repos/${id}/tree${query({ path, branch })}`, signal),
  paths: (id: number, branch?: string, signal?: AbortSignal) =>
    getJson<{ branch: string; paths: string[] }>(
      `/api/repos/${id}/paths${query({ branch })}`,
      signal,
    ),
  file: (id: number, path: string, branch?: string, signal?: AbortSignal) =>
    getJson<FileText>(`/api/repos/${id}/files${query({ path, branch })}`, signal),
  outline: (id: number, path: string, branch?: string, signal?: AbortSignal) =>
    getJson<SymbolHit[]>(`/api/repos/${id}/outline${query({ path, branch })}`, signal),
  searchText: (id: number, params: TextSearchParams, cursor?: string, signal?: AbortSignal) =>
    getJson<TextSearchPage>(
      `/api/repos/${id}/search/text${query({
        q: params.q,
        regex: params.regex,
        sort: params.sort,
        context: params.context,
        branch: params.branch,
        limit: 100,
        cursor,
      })}`,
      signal,
    ),
  searchSymbols: (id: number, q: string, branch?: string, signal?: AbortSignal) =>
    getJson<SymbolHit[]>(
      `/api/repos/${id}/search/symbols${query({ q, branch, limit: 100 })}`,
      signal,
    ),
  graph: (id: number, limit: number, branch?: string, signal?: AbortSignal) =>
    getJson<FileGraph>(`/api/repos/${id}/graph${query({ limit, branch })}`, signal),
  definitions: (id: number, symbol: string, branch?: string, signal?: AbortSignal) =>
    getJson<DefinitionSite[]>(`/api/repos/${id}/definitions${query({ symbol, branch })}`, signal),
  references: (
    id: number,
    symbol: string,
    path: string,
    line: number,
    branch?: string,
    signal?: AbortSignal,
  ) =>
    getJson<ReferencesView>(
      `/api/repos/${id}/references${query({ symbol, path, line, branch })}`,
      signal,
    ),
};
