import type { TextSearchParams } from './api.ts';

/**
 * Query keys of the search and finder resources, one factory each, all under
 * `['repo', id, …]` so that what changes in one repository can be invalidated alone.
 */
export const searchKeys = {
  all: (repo: number) => ['repo', repo, 'search'] as const,
  text: (repo: number, params: TextSearchParams) =>
    [...searchKeys.all(repo), 'text', params.branch ?? '', params] as const,
  other: (repo: number, branch: string | undefined, mode: string, q: string) =>
    [...searchKeys.all(repo), mode, branch ?? '', q] as const,
};

export const finderKeys = {
  all: (repo: number) => ['repo', repo, 'finder'] as const,
  paths: (repo: number, branch: string | undefined) =>
    [...finderKeys.all(repo), 'paths', branch ?? ''] as const,
  symbols: (repo: number, branch: string | undefined, q: string) =>
    [...finderKeys.all(repo), 'symbols', branch ?? '', q] as const,
};

/** The security scan's rule set: one list for the whole server. */
export const securityKeys = {
  rules: () => ['security', 'rules'] as const,
};

/** Background indexing status of the server: text index backlog, embeddings per repository. */
export const statusKeys = {
  index: () => ['index', 'status'] as const,
};

/** The dependency graph of a branch's most central files, by how many are drawn. */
export const graphKeys = {
  all: (repo: number) => ['repo', repo, 'graph'] as const,
  top: (repo: number, branch: string | undefined, limit: number) =>
    [...graphKeys.all(repo), branch ?? '', limit] as const,
};

/**
 * Team chat, one factory for every chat resource so live events invalidate exactly what changed:
 * one channel's messages, one thread, the channel list's counts.
 */
export const chatKeys = {
  all: () => ['chat'] as const,
  channels: () => ['chat', 'channels'] as const,
  members: (channel: number) => ['chat', 'members', channel] as const,
  messages: (channel: number) => ['chat', 'messages', channel] as const,
  threads: () => ['chat', 'thread'] as const,
  thread: (root: number) => ['chat', 'thread', root] as const,
  /** One message by id (a thread's root); not under `threads`, whose entries are pages. */
  message: (id: number) => ['chat', 'message', id] as const,
  versions: (message: number) => ['chat', 'versions', message] as const,
  search: (params: Record<string, string>) => ['chat', 'search', params] as const,
  people: (org: number) => ['chat', 'people', org] as const,
  presence: () => ['chat', 'presence'] as const,
};
