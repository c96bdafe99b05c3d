import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatusPanel } from './StatusPanel.tsx';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The text of the <dd> that follows the <dt> with this label. */
function valueOf(term: string): string | null | undefined {
  return screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
}

afterEach(() => {
  cleanup();
});

describe('StatusPanel', () => {
  it('shows status, mode and database when the server reports UP', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(
        jsonResponse({ status: 'UP', mode: 'local', database: 'sqlite', version: '0.1.0' }),
      );
    vi.stubGlobal('fetch', fetchMock);

    render(<StatusPanel />);

    expect(screen.getByRole('region', { name: 'Server status' })).toBeDefined();
    expect(await screen.findByText('UP')).toBeDefined();
    expect(valueOf('Status')).toBe('UP');
    expect(valueOf('Mode')).toBe('local');
    expect(valueOf('Database')).toBe('sqlite');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith('/api/health', expect.anything());
  });

  it('explains that the server is not reachable when the request fails', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    render(<StatusPanel />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Server not reachable — is ./atelier serve running?');
    expect(screen.queryByText('UP')).toBeNull();
  });

  it('treats an answer that is not a health document as not reachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('Bad gateway', { status: 502 })));

    render(<StatusPanel />);

    expect((await screen.findByRole('alert')).textContent).toContain('Server not reachable');
  });

  it('shows the server again after "Try again" once it answers', async () => {
    const fetchMock = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValue(jsonResponse({ status: 'UP', mode: 'local', database: 'sqlite' }));
    vi.stubGlobal('fetch', fetchMock);

    render(<StatusPanel />);
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('UP')).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
