import { ApiError, getJson, sendJson } from './api.ts';
import { auth, type TokenAnswer } from './auth.ts';

/** Roles of a membership, weakest first. */
export const ROLES = ['viewer', 'member', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export function roleOf(value: string | undefined | null): Role {
  const lower = (value ?? '').toLowerCase();
  return ROLES.find((r) => r === lower) ?? 'viewer';
}

/** Whether a role is at least another (an owner is an admin, an admin a member, …). */
export function atLeast(role: string | undefined | null, wanted: Role): boolean {
  return ROLES.indexOf(roleOf(role)) >= ROLES.indexOf(wanted);
}

export interface MyOrg {
  id: number;
  slug: string;
  name: string;
  role: string;
}

export interface Me {
  id: number;
  email: string | null;
  displayName: string;
  emailVerified: boolean;
  hasPassword: boolean;
  orgId: number;
  role: string;
  credential: string;
  orgs: MyOrg[];
}

export interface SessionInfo {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

export interface Member {
  userId: number;
  email: string | null;
  displayName: string;
  role: string;
  since: string;
}

export interface Invitation {
  id: number;
  email: string;
  role: string;
  createdAt: string;
  expiresAt: string;
  /** Only in the answer that made it. */
  link: string | null;
}

export const KEY_SCOPES = ['read', 'write', 'admin', 'mcp'] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  orgId: number;
  entityType: string;
  entityId: string | null;
  /** A number or its text, depending on the server's version. */
  userId: number | string | null;
  actorType: string;
  action: string;
  oldValues: Record<string, unknown> | null;
  newValues: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
  createdAt: string;
}

export interface AuditFilters {
  entityType?: string;
  userId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: number | null;
}

export interface Project {
  id: number;
  orgId: number;
  name: string;
  description: string;
  createdBy: number;
  createdAt: string;
  archivedAt: string | null;
}

export interface Provider {
  id: string;
  name: string;
  loginUrl: string;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Query keys of the identity resources, one factory each. Everything org-scoped sits under
 * `['org', orgId, …]`, so a change invalidates only its own list; an org switch is the one
 * change that invalidates everything.
 */
export const meKeys = {
  all: () => ['me'] as const,
  sessions: () => ['me', 'sessions'] as const,
};

export const orgKeys = {
  mine: () => ['orgs'] as const,
  members: (org: number) => ['org', org, 'members'] as const,
  invitations: (org: number) => ['org', org, 'invitations'] as const,
};

export const apiKeyKeys = {
  list: (org: number) => ['org', org, 'keys'] as const,
};

export const auditKeys = {
  all: (org: number) => ['org', org, 'audit'] as const,
  list: (org: number, filters: AuditFilters) => [...auditKeys.all(org), filters] as const,
};

export const projectKeys = {
  list: (org: number) => ['org', org, 'projects'] as const,
};

export const providerKeys = {
  list: () => ['auth', 'providers'] as const,
};

async function signIn(path: string, body: Record<string, unknown>): Promise<TokenAnswer> {
  const answer = (await sendJson<TokenAnswer>('POST', path, { ...body, useCookie: true }))!;
  auth.accept(answer);
  return answer;
}

export const identityApi = {
  me: (signal?: AbortSignal) => getJson<Me>('/api/me', signal),
  updateMe: (displayName: string) => sendJson<Me>('PATCH', '/api/me', { displayName }),
  changePassword: (currentPassword: string, newPassword: string) =>
    sendJson<void>('POST', '/api/me/password', { currentPassword, newPassword }),
  deleteAccount: () => sendJson<void>('DELETE', '/api/me'),
  sessions: (signal?: AbortSignal) => getJson<SessionInfo[]>('/api/me/sessions', signal),
  endSession: (id: string) =>
    sendJson<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
  endAllSessions: () => sendJson<void>('DELETE', '/api/me/sessions'),

  login: (email: string, password: string) => signIn('/api/auth/login', { email, password }),
  register: (fields: {
    email: string;
    password: string;
    displayName: string;
    orgName?: string | undefined;
    invitation?: string | undefined;
  }) => signIn('/api/auth/register', fields),
  /** Ends the session on the server and forgets the token here, whatever the server said. */
  logout: async () => {
    try {
      await sendJson<void>('POST', '/api/auth/logout', undefined);
    } finally {
      auth.clear();
    }
  },
  switchOrg: async (orgId: number) => {
    const answer = (await sendJson<TokenAnswer>('POST', '/api/auth/token', { orgId }))!;
    auth.accept(answer);
    return answer;
  },
  forgotPassword: (email: string) => sendJson<void>('POST', '/api/auth/password/forgot', { email }),
  resetPassword: (code: string, password: string) =>
    sendJson<void>('POST', '/api/auth/password/reset', { code, password }),
  /** The OAuth providers the server has configured; none when it has no such endpoint. */
  providers: async (signal?: AbortSignal) => {
    try {
      return await getJson<Provider[]>('/api/auth/providers', signal);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return [];
      throw e;
    }
  },

  orgs: (signal?: AbortSignal) => getJson<MyOrg[]>('/api/orgs', signal),
  createOrg: (name: string) => sendJson<MyOrg>('POST', '/api/orgs', { name }),
  members: (org: number, signal?: AbortSignal) =>
    getJson<Member[]>(`/api/orgs/${org}/members`, signal),
  changeRole: (org: number, userId: number, role: Role) =>
    sendJson<Member>('PATCH', `/api/orgs/${org}/members/${userId}`, { role }),
  removeMember: (org: number, userId: number) =>
    sendJson<void>('DELETE', `/api/orgs/${org}/members/${userId}`),
  transfer: (org: number, userId: number) =>
    sendJson<void>('POST', `/api/orgs/${org}/transfer`, { userId }),
  invitations: (org: number, signal?: AbortSignal) =>
    getJson<Invitation[]>(`/api/orgs/${org}/invitations`, signal),
  invite: (org: number, email: string, role: Role) =>
    sendJson<Invitation>('POST', `/api/orgs/${org}/invitations`, { email, role }),
  cancelInvitation: (org: number, id: number) =>
    sendJson<void>('DELETE', `/api/orgs/${org}/invitations/${id}`),
  acceptInvitation: (code: string) =>
    sendJson<{ orgId: number }>('POST', '/api/invitations/accept', { code }),

  projects: (signal?: AbortSignal) => getJson<Project[]>('/api/projects', signal),
  createProject: (name: string, description: string) =>
    sendJson<Project>('POST', '/api/projects', { name, description }),
  archiveProject: (id: number, archived: boolean) =>
    sendJson<Project>('PATCH', `/api/projects/${id}`, { archived }),
  deleteProject: (id: number) => sendJson<void>('DELETE', `/api/projects/${id}`),

  keys: (signal?: AbortSignal) => getJson<ApiKey[]>('/api/keys', signal),
  createKey: (name: string, scopes: KeyScope[], expiresInDays: number | null) =>
    sendJson<{ key: ApiKey; secret: string }>('POST', '/api/keys', {
      name,
      scopes,
      expiresInDays,
    }),
  revokeKey: (id: number) => sendJson<void>('DELETE', `/api/keys/${id}`),

  audit: (filters: AuditFilters, before: number | undefined, signal?: AbortSignal) =>
    getJson<AuditPage>(
      `/api/audit${query({
        entityType: filters.entityType,
        userId: filters.userId,
        action: filters.action,
        from: filters.from ? new Date(filters.from).toISOString() : undefined,
        to: filters.to ? new Date(filters.to).toISOString() : undefined,
        before,
        limit: 50,
      })}`,
      signal,
    ),
};

/** A date and time for people, in their locale; empty for none. */
export function when(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The message of a failed request, for people: the problem's detail when there is one. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.unreachable) return 'Server not reachable — is ./atelier serve running?';
    return error.detail ?? error.title;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
