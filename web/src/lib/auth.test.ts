import { describe, expect, it, vi } from 'vitest';
import { AuthClient, type TokenAnswer } from './auth.ts';

function tokens(accessToken: string, expiresIn = 900): TokenAnswer {
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn,
    refreshToken: null,
    refreshExpiresIn: 604_800,
    identity: { userId: 2, displayName: 'Ada', orgId: 5, orgName: 'Acme', role: 'owner' },
  };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

interface Call {
  url: string;
  init: RequestInit | undefined;
  bearer: string | null;
}

/** A fake server: /api/auth/refresh answers `refresh()`, anything else `other(bearer)`. */
function server(
  refresh: () => Response | Promise<Response>,
  other: (bearer: string | null) => Response,
) {
  const calls: Call[] = [];
  const fetchImpl = vi.fn(async (url: string, init?: RequestInit) => {
    const bearer = new Headers(init?.headers).get('Authorization');
    calls.push({ url, init, bearer });
    return url === '/api/auth/refresh' ? refresh() : other(bearer);
  });
  return { calls, fetchImpl };
}

describe('AuthClient', () => {
  it('sends the access token as a bearer and keeps it out of every storage', async () => {
    const { calls, fetchImpl } = server(
      () => json({}, 401),
      () => json([]),
    );
    const client = new AuthClient(fetchImpl);
    client.accept(tokens('access-1'));
    await client.fetch('/api/repos');
    expect(calls[0]?.bearer).toBe('Bearer access-1');
    expect(client.state()).toMatchObject({ signedIn: true, identity: { orgName: 'Acme' } });
    const stored = [
      ...Object.values(localStorage),
      ...Object.values(sessionStorage),
      document.cookie,
    ].join(' ');
    expect(stored).not.toContain('access-1');
    expect(localStorage.length + sessionStorage.length).toBe(0);
  });

  it('refreshes on a 401 and asks again with the new token', async () => {
    const { calls, fetchImpl } = server(
      () => json(tokens('access-2')),
      (bearer) => (bearer === 'Bearer access-2' ? json({ ok: true }) : json({}, 401)),
    );
    const client = new AuthClient(fetchImpl);
    client.accept(tokens('access-1'));
    const response = await client.fetch('/api/me');
    expect(response.status).toBe(200);
    expect(calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
    const refresh = calls[1]!;
    expect(refresh.init?.method).toBe('POST');
    expect(refresh.init?.body).toBeUndefined();
    expect(new Headers(refresh.init?.headers).get('X-Requested-With')).toBe('atelier');
    expect(refresh.bearer).toBeNull();
    expect(client.token()).toBe('access-2');
  });

  it('runs one refresh for many requests at once (single flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { calls, fetchImpl } = server(
      async () => {
        await gate;
        return json(tokens('fresh'));
      },
      (bearer) => (bearer === 'Bearer fresh' ? json({}) : json({}, 401)),
    );
    const client = new AuthClient(fetchImpl);
    // A token about to expire: every request wants a refresh first.
    client.accept(tokens('stale', 5));
    const requests = [
      client.fetch('/api/repos'),
      client.fetch('/api/me'),
      client.fetch('/api/keys'),
    ];
    release();
    const answers = await Promise.all(requests);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
    expect(calls.filter((c) => c.url !== '/api/auth/refresh').map((c) => c.bearer)).toEqual([
      'Bearer fresh',
      'Bearer fresh',
      'Bearer fresh',
    ]);
  });

  it('many 401s at once share one refresh', async () => {
    let refreshed = false;
    const { calls, fetchImpl } = server(
      async () => {
        await new Promise((r) => setTimeout(r, 10));
        refreshed = true;
        return json(tokens('fresh'));
      },
      (bearer) => (refreshed && bearer === 'Bearer fresh' ? json({}) : json({}, 401)),
    );
    const client = new AuthClient(fetchImpl);
    client.accept(tokens('revoked'));
    const answers = await Promise.all([client.fetch('/api/a'), client.fetch('/api/b')]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out when the refresh is refused (a reused token ended the session)', async () => {
    const { calls, fetchImpl } = server(
      () => json({ detail: 'refresh token reused' }, 401),
      () => json({}, 401),
    );
    const client = new AuthClient(fetchImpl);
    const listener = vi.fn();
    client.subscribe(listener);
    client.accept(tokens('access-1'));
    const response = await client.fetch('/api/me');
    expect(response.status).toBe(401);
    expect(calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh']);
    expect(client.state()).toEqual({ signedIn: false, identity: null });
    expect(client.token()).toBeNull();
    expect(listener).toHaveBeenLastCalledWith();
  });

  it('without an account (a local login-link session) a 401 is just answered', async () => {
    const { calls, fetchImpl } = server(
      () => json(tokens('x')),
      () => json({}, 401),
    );
    const client = new AuthClient(fetchImpl);
    const response = await client.fetch('/api/repos');
    expect(response.status).toBe(401);
    expect(calls.map((c) => c.url)).toEqual(['/api/repos']);
    expect(calls[0]?.bearer).toBeNull();
  });

  it('requests wait for the sign-in refresh of page load', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { calls, fetchImpl } = server(
      async () => {
        await gate;
        return json(tokens('from-cookie'));
      },
      () => json({}),
    );
    const client = new AuthClient(fetchImpl);
    const boot = client.refresh();
    const request = client.fetch('/api/me');
    release();
    await boot;
    await request;
    expect(calls.map((c) => [c.url, c.bearer])).toEqual([
      ['/api/auth/refresh', null],
      ['/api/me', 'Bearer from-cookie'],
    ]);
  });

  it('keeps the token when the server cannot be reached during a refresh', async () => {
    const fetchImpl = vi.fn(async (url: string) => {
      if (url === '/api/auth/refresh') throw new TypeError('Failed to fetch');
      return json({}, 401);
    });
    const client = new AuthClient(fetchImpl);
    client.accept(tokens('access-1'));
    expect(await client.refresh()).toBe(false);
    expect(client.token()).toBe('access-1');
  });
});
