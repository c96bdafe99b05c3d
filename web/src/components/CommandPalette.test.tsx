import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette } from './CommandPalette.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('CommandPalette', () => {
  it('opens with Ctrl-K, finds symbols by name and opens the chosen one at its line', async () => {
    const hits = [
      {
        name: 'getUser',
        kind: 'METHOD',
        qualifiedName: 'demo.A.getUser',
        signature: '',
        path: 'A.java',
        line: 4,
        column: 2,
      },
      {
        name: 'getUserName',
        kind: 'METHOD',
        qualifiedName: 'demo.B.getUserName',
        signature: '',
        path: 'B.java',
        line: 9,
        column: 2,
      },
    ];
    const fetchMock = vi
      .fn()
      .mockResolvedValue(new Response(JSON.stringify(hits), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CommandPalette repo={2} branch={undefined} />
      </QueryClientProvider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const box = screen.getByRole('combobox', { name: 'Symbol name' });
    fireEvent.change(box, { target: { value: 'gUN' } });
    expect(await screen.findByText('demo.B.getUserName')).toBeDefined();
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });

    expect(window.location.pathname).toBe('/repos/2/code/B.java');
    expect(window.location.hash).toBe('#L9');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fetchMock.mock.calls[0]?.[0]).toContain('/api/repos/2/search/symbols?q=gUN');
  });

  it('closes with Escape', () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <CommandPalette repo={2} branch={undefined} />
      </QueryClientProvider>,
    );
    fireEvent.keyDown(window, { key: 'k', metaKey: true });
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
