import { useSyncExternalStore } from 'react';
import type { TextSort } from './api.ts';

/** The pages of the app, parsed from the URL. Routes are real paths, so a reload keeps them. */
export type Route =
  | { page: 'repos' }
  | {
      page: 'code';
      repo: number;
      path: string;
      branch: string | undefined;
      /** The commit a permalink was pinned to with `y`. */
      commit?: string | undefined;
    }
  | {
      page: 'search';
      repo: number;
      q: string;
      mode: SearchMode;
      branch: string | undefined;
      sort: TextSort;
      context: number;
    }
  | { page: 'understand'; repo: number; tab: UnderstandTab; branch: string | undefined }
  | { page: 'signin'; expired: boolean }
  | { page: 'register'; invitation: string | undefined }
  | { page: 'forgot-password' }
  | { page: 'reset-password'; code: string }
  | { page: 'accept-invite'; code: string }
  | { page: 'settings'; tab: SettingsTab }
  | {
      page: 'chat';
      channel: number | undefined;
      /** The root message of the thread open beside the channel. */
      thread: number | undefined;
      /** A message to scroll to and mark (from a search hit). */
      message: number | undefined;
    }
  /** Search without a repository: messages only. */
  | { page: 'messages'; q: string }
  | { page: 'not-found'; pathname: string };

export type SearchMode = 'text' | 'regex' | 'symbol' | 'semantic';
export type { TextSort };

/** Lines of context around each text match unless the URL says otherwise. */
export const DEFAULT_CONTEXT = 1;

/** The tabs of the Understand page, in their order. */
export const UNDERSTAND_TABS = [
  'map',
  'graph',
  'hotspots',
  'communities',
  'learnings',
  'security',
] as const;
export type UnderstandTab = (typeof UNDERSTAND_TABS)[number];

/** The sections of the account settings, in their order. */
export const SETTINGS_TABS = [
  'profile',
  'members',
  'projects',
  'keys',
  'sessions',
  'audit',
] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

/** Pages anyone may open without being signed in. */
export const PUBLIC_PAGES: ReadonlySet<Route['page']> = new Set([
  'signin',
  'register',
  'forgot-password',
  'reset-password',
  'accept-invite',
]);

/** The account pages: `/register`, `/forgot-password`, `/reset-password`, `/accept-invite`, `/settings/…`. */
function accountRoute(pathname: string, params: URLSearchParams): Route | undefined {
  const code = params.get('code') ?? '';
  switch (pathname) {
    case '/register':
      return { page: 'register', invitation: params.get('invitation') ?? undefined };
    case '/forgot-password':
      return { page: 'forgot-password' };
    case '/reset-password':
      return { page: 'reset-password', code };
    case '/accept-invite':
      return { page: 'accept-invite', code };
  }
  const settings = /^\/settings(?:\/([a-z]+))?\/?$/.exec(pathname);
  if (!settings) return undefined;
  const tab = SETTINGS_TABS.find((t) => t === (settings[1] ?? 'profile'));
  return tab ? { page: 'settings', tab } : undefined;
}

function understandTab(value: string | null): UnderstandTab {
  return UNDERSTAND_TABS.find((t) => t === value) ?? 'map';
}

function contextOf(value: string | null): number {
  const n = value === null ? DEFAULT_CONTEXT : Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : DEFAULT_CONTEXT;
}

function decodePath(segments: string[]): string {
  return segments
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s))
    .join('/');
}

/** `/`, `/repos/7`, `/repos/7/understand?tab=hotspots`, `/repos/7/code/src/App.java?branch=main`, `/repos/7/search?q=x&mode=symbol`. */
export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const branch = params.get('branch') ?? undefined;
  if (pathname === '/' || pathname === '' || pathname === '/repos') return { page: 'repos' };
  if (pathname === '/signin') return { page: 'signin', expired: params.get('link') === 'expired' };
  const account = accountRoute(pathname, params);
  if (account) return account;
  const chat = /^\/chat(?:\/(\d+))?\/?$/.exec(pathname);
  if (chat) {
    const id = (name: string) => {
      const n = Number(params.get(name));
      return Number.isInteger(n) && n > 0 ? n : undefined;
    };
    return {
      page: 'chat',
      channel: chat[1] ? Number(chat[1]) : undefined,
      thread: id('thread'),
      message: id('message'),
    };
  }
  if (pathname === '/search') return { page: 'messages', q: params.get('q') ?? '' };
  const match = /^\/repos\/(\d+)(?:\/(code|search|understand)(\/.*)?)?\/?$/.exec(pathname);
  if (!match) return { page: 'not-found', pathname };
  const repo = Number(match[1]);
  const section = match[2];
  if (section === 'search') {
    const mode = params.get('mode');
    return {
      page: 'search',
      repo,
      q: params.get('q') ?? '',
      mode: mode === 'regex' || mode === 'symbol' || mode === 'semantic' ? mode : 'text',
      branch,
      sort: params.get('sort') === 'path' ? 'path' : 'relevance',
      context: contextOf(params.get('context')),
    };
  }
  if (section === 'understand') {
    if (match[3] && match[3] !== '/') return { page: 'not-found', pathname };
    return { page: 'understand', repo, tab: understandTab(params.get('tab')), branch };
  }
  const commit = params.get('commit') ?? undefined;
  return {
    page: 'code',
    repo,
    path: decodePath((match[3] ?? '').split('/')),
    branch,
    ...(commit ? { commit } : {}),
  };
}

function encodePath(path: string): string {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map(encodeURIComponent)
    .join('/');
}

function withBranch(url: string, branch: string | undefined, extra?: URLSearchParams): string {
  const params = extra ?? new URLSearchParams();
  if (branch) params.set('branch', branch);
  const query = params.toString();
  return query ? `${url}?${query}` : url;
}

/**
 * The URL of a file or folder in the code view, with an optional `#L10-L20` line anchor and the
 * commit it is pinned to.
 */
export function codeUrl(
  repo: number,
  path: string,
  branch?: string,
  hash?: string,
  commit?: string,
): string {
  const base = path ? `/repos/${repo}/code/${encodePath(path)}` : `/repos/${repo}/code`;
  const params = new URLSearchParams();
  if (commit) params.set('commit', commit);
  return withBranch(base, branch, params) + (hash ?? '');
}

export function searchUrl(
  repo: number,
  q: string,
  mode: SearchMode,
  branch?: string,
  options: { sort?: TextSort; context?: number } = {},
): string {
  const params = new URLSearchParams({ q, mode });
  if (options.sort && options.sort !== 'relevance') params.set('sort', options.sort);
  if (options.context !== undefined && options.context !== DEFAULT_CONTEXT)
    params.set('context', String(options.context));
  return withBranch(`/repos/${repo}/search`, branch, params);
}

/** The Understand page of a repository at one tab (the first tab needs no parameter). */
export function understandUrl(repo: number, tab: UnderstandTab = 'map', branch?: string): string {
  const params = new URLSearchParams();
  if (tab !== 'map') params.set('tab', tab);
  return withBranch(`/repos/${repo}/understand`, branch, params);
}

/** The chat at a channel, optionally with a thread open and a message to scroll to. */
export function chatUrl(
  channel?: number,
  options: { thread?: number | null; message?: number | null } = {},
): string {
  const params = new URLSearchParams();
  if (options.thread) params.set('thread', String(options.thread));
  if (options.message) params.set('message', String(options.message));
  const query = params.toString();
  return (channel ? `/chat/${channel}` : '/chat') + (query ? `?${query}` : '');
}

/** Message search, outside any repository. */
export function messageSearchUrl(q: string): string {
  return `/search?${new URLSearchParams({ q }).toString()}`;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/** Moves to a URL of the app without a page load (or replaces the current history entry). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
}

/** The current location; components re-render when it changes. */
export function useLocation(): { pathname: string; search: string; hash: string } {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  const url = new URL(current, 'http://app.local');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

export function useRoute(): { route: Route; hash: string } {
  const { pathname, search, hash } = useLocation();
  return { route: parseRoute(pathname, search), hash };
}
