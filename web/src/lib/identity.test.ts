import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from './auth.ts';
import { atLeast, identityApi } from './identity.ts';
import { parseRoute } from './router.ts';

afterEach(() => auth.clear());

describe('identity', () => {
  it('orders roles', () => {
    expect(atLeast('OWNER', 'admin')).toBe(true);
    expect(atLeast('admin', 'admin')).toBe(true);
    expect(atLeast('member', 'admin')).toBe(false);
    expect(atLeast(undefined, 'viewer')).toBe(true);
  });

  it('signs in with the cookie and keeps the token in memory for the next requests', async () => {
    const answer = {
      accessToken: 'a1',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: null,
      refreshExpiresIn: 100,
      identity: { userId: 1, displayName: 'A', orgId: 3, orgName: 'Acme', role: 'owner' },
    };
    const fetchMock = vi.fn(
      async (url: string, _init?: RequestInit) =>
        new Response(JSON.stringify(url === '/api/auth/login' ? answer : []), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await identityApi.login('a@example.com', 'long enough password');
    const body = JSON.parse(String(fetchMock.mock.calls[0]![1]!.body));
    expect(body).toEqual({
      email: 'a@example.com',
      password: 'long enough password',
      useCookie: true,
    });
    await identityApi.keys();
    expect(new Headers(fetchMock.mock.calls[1]![1]!.headers).get('Authorization')).toBe(
      'Bearer a1',
    );
  });

  it('treats a server without OAuth providers as none', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 404 })),
    );
    expect(await identityApi.providers()).toEqual([]);
  });

  it('parses the account routes', () => {
    expect(parseRoute('/settings', '')).toEqual({ page: 'settings', tab: 'profile' });
    expect(parseRoute('/settings/keys', '')).toEqual({ page: 'settings', tab: 'keys' });
    expect(parseRoute('/settings/nope', '').page).toBe('not-found');
    expect(parseRoute('/accept-invite', '?code=abc')).toEqual({
      page: 'accept-invite',
      code: 'abc',
    });
    expect(parseRoute('/register', '?invitation=xyz')).toEqual({
      page: 'register',
      invitation: 'xyz',
    });
    expect(parseRoute('/reset-password', '?code=r1')).toEqual({
      page: 'reset-password',
      code: 'r1',
    });
  });
});
