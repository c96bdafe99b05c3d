import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../lib/identity.ts';
import { AuditTab } from './AuditTab.tsx';
import { KeysTab } from './KeysTab.tsx';
import { MembersTab } from './MembersTab.tsx';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

function withQueries(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}

/** Answers `METHOD url-prefix` (or a bare prefix for GET) with its handler's response. */
function serve(routes: Record<string, (url: string, init?: RequestInit) => Response>) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const key = Object.keys(routes)
      .filter((k) => {
        const [m, prefix] = k.includes(' ') ? k.split(' ') : ['GET', k];
        return m === method && url.startsWith(prefix!);
      })
      .sort((a, b) => b.length - a.length)[0];
    return key ? routes[key]!(url, init) : json({ title: 'Not Found' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function me(role: string): Me {
  return {
    id: 1,
    email: 'ada@example.com',
    displayName: 'Ada',
    emailVerified: false,
    hasPassword: true,
    orgId: 7,
    role,
    credential: 'access_token',
    orgs: [{ id: 7, slug: 'acme', name: 'Acme', role }],
  };
}

afterEach(() => cleanup());

const entry = (id: number, action: string) => ({
  id,
  orgId: 7,
  entityType: 'api-key',
  entityId: String(id),
  userId: 1,
  actorType: 'user',
  action,
  oldValues: null,
  newValues: { name: `key ${id}` },
  requestId: null,
  ip: '127.0.0.1',
  createdAt: '2026-12-07T20:00:00Z',
});

describe('AuditTab', () => {
  it('pages with the cursor: "Load more" asks for the entries before the last one', async () => {
    const fetchMock = serve({
      '/api/orgs/7/members': () => json([]),
      '/api/audit': (url) =>
        url.includes('before=40')
          ? json({ entries: [entry(39, 'revoked')], nextBefore: null })
          : json({ entries: [entry(41, 'created'), entry(40, 'created')], nextBefore: 40 }),
    });
    withQueries(<AuditTab me={me('admin')} />);
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await within(table).findByText('revoked');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    const audits = fetchMock.mock.calls
      .map(([url]) => url)
      .filter((u) => u.startsWith('/api/audit'));
    expect(audits).toEqual(['/api/audit?limit=50', '/api/audit?before=40&limit=50']);
  });

  it('filters by entity type', async () => {
    const fetchMock = serve({
      '/api/orgs/7/members': () => json([]),
      '/api/audit': () => json({ entries: [entry(1, 'created')], nextBefore: null }),
    });
    withQueries(<AuditTab me={me('owner')} />);
    await screen.findByRole('table', { name: 'Audit log' });
    fireEvent.change(screen.getByLabelText('Entity'), { target: { value: 'invitation' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
        '/api/audit?entityType=invitation&limit=50',
      ),
    );
  });
});

describe('AuditTab chat entries', () => {
  it('offers message and channel filters, labels them, and links a message to its channel', async () => {
    const fetchMock = serve({
      '/api/orgs/7/members': () => json([]),
      '/api/audit': () =>
        json({
          entries: [
            {
              ...entry(5, 'created'),
              entityType: 'message',
              entityId: '42',
              newValues: { channel: 9, thread: '', body: 'hello' },
            },
            {
              ...entry(4, 'created'),
              entityType: 'channel-member',
              entityId: '9:2',
              newValues: { channel: 9, user: 2 },
            },
          ],
          nextBefore: null,
        }),
    });
    withQueries(<AuditTab me={me('owner')} />);
    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(within(table).getByText('channel member')).toBeTruthy();
    const links = within(table).getAllByRole('link', { name: 'open in chat' });
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/chat/9?message=42', '/chat/9']);
    fireEvent.change(screen.getByLabelText('Entity'), { target: { value: 'message' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
        '/api/audit?entityType=message&limit=50',
      ),
    );
  });
});

describe('KeysTab', () => {
  it('shows a new key once, then only its prefix; refetches the keys and nothing else', async () => {
    let keys: unknown[] = [];
    const made = {
      id: 3,
      name: 'ci',
      prefix: 'atl_abcd',
      scopes: ['read'],
      createdAt: '2026-12-07T20:00:00Z',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    };
    const fetchMock = serve({
      '/api/keys': () => json(keys),
      'POST /api/keys': (_, init) => {
        expect(JSON.parse(String(init?.body))).toEqual({
          name: 'ci',
          scopes: ['read'],
          expiresInDays: 90,
        });
        keys = [made];
        return json({ key: made, secret: 'atl_abcd_secret' }, 201);
      },
    });
    withQueries(<KeysTab me={me('member')} />);
    await screen.findByText('No keys yet.');
    // A member may not give a key the admin scope.
    expect(screen.getByRole('checkbox', { name: /admin/ })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'ci' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = await screen.findByRole('dialog', { name: /Key “ci” created/ });
    expect(within(dialog).getByLabelText('API key')).toHaveProperty('value', 'atl_abcd_secret');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    const table = await screen.findByRole('table', { name: 'API keys' });
    expect(within(table).getByText('atl_abcd…')).toBeDefined();
    expect(document.body.innerHTML).not.toContain('atl_abcd_secret');
    const gets = fetchMock.mock.calls.filter(([, init]) => (init?.method ?? 'GET') === 'GET');
    expect(gets.every(([url]) => url === '/api/keys')).toBe(true);
  });

  it('shows the problem detail when the server refuses', async () => {
    serve({
      '/api/keys': () => json([]),
      'POST /api/keys': () =>
        json({ title: 'Forbidden', status: 403, detail: 'a viewer may give a key only read' }, 403),
    });
    withQueries(<KeysTab me={me('viewer')} />);
    await screen.findByText('No keys yet.');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'a viewer may give a key only read',
    );
  });
});

describe('MembersTab', () => {
  const members = [
    {
      userId: 1,
      email: 'ada@example.com',
      displayName: 'Ada',
      role: 'owner',
      since: '2026-12-01T00:00:00Z',
    },
    {
      userId: 2,
      email: 'bob@example.com',
      displayName: 'Bob',
      role: 'member',
      since: '2026-12-02T00:00:00Z',
    },
  ];

  it('gives admins role controls and the invitation form, and shows the link once', async () => {
    serve({
      '/api/orgs/7/members': () => json(members),
      '/api/orgs/7/invitations': () => json([]),
      'POST /api/orgs/7/invitations': () =>
        json({
          id: 9,
          email: 'cy@example.com',
          role: 'member',
          createdAt: '2026-12-07T20:00:00Z',
          expiresAt: '2026-12-14T20:00:00Z',
          link: 'http://x/accept-invite?code=abc',
        }),
    });
    withQueries(<MembersTab me={me('owner')} />);
    expect(await screen.findByRole('combobox', { name: 'Role of Bob' })).toBeDefined();
    // No control over one's own role (and an org keeps its last owner).
    expect(screen.queryByRole('combobox', { name: 'Role of Ada' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Email to invite'), {
      target: { value: 'cy@example.com' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    expect(await screen.findByLabelText('Invitation link')).toHaveProperty(
      'value',
      'http://x/accept-invite?code=abc',
    );
  });

  it('hides the admin controls from a member', async () => {
    serve({ '/api/orgs/7/members': () => json(members) });
    withQueries(<MembersTab me={{ ...me('member'), id: 2 }} />);
    await screen.findByRole('table', { name: 'Members' });
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByLabelText('Email to invite')).toBeNull();
    expect(screen.getByRole('button', { name: 'Leave this org' })).toBeDefined();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });
});
