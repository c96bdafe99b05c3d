import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Finder } from './Finder.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const paths = ['src/A.java', 'src/accounts/Accounts.java', 'src/UserNames.java', 'README.md'];
const hits = [
  {
    name: 'getUserName',
    kind: 'METHOD',
    qualifiedName: 'demo.B.getUserName',
    signature: '',
    path: 'src/very/long/package/path/that/would/not/fit/B.java',
    line: 9,
    column: 2,
  },
];

function serve() {
  const fetchMock = vi.fn((url: string) =>
    Promise.resolve(
      new Response(JSON.stringify(url.includes('/paths') ? { branch: 'main', paths } : hits), {
        status: 200,
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderFinder() {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <button type="button">outside</button>
      <Finder repo={2} branch={undefined} />
    </QueryClientProvider>,
  );
}

describe('Finder', () => {
  it('opens with t, lists files and symbols with their full path:line and opens the chosen one', async () => {
    serve();
    renderFinder();
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(document.body, { key: 't' });
    const box = screen.getByRole('combobox', { name: 'File or symbol' });
    fireEvent.change(box, { target: { value: 'username' } });

    const symbols = await screen.findByRole('group', { name: 'Symbols' });
    expect(within(symbols).getByRole('option').textContent).toContain(
      'src/very/long/package/path/that/would/not/fit/B.java:9',
    );
    const files = screen.getByRole('group', { name: 'Files' });
    expect(within(files).getAllByRole('option')[0]?.textContent).toBe('src/UserNames.java');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-activedescendant')).toBe('finder-1');
    fireEvent.keyDown(box, { key: 'Enter' });

    expect(window.location.pathname).toBe(
      '/repos/2/code/src/very/long/package/path/that/would/not/fit/B.java',
    );
    expect(window.location.hash).toBe('#L9');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens a file at a line with Name:line, and Ctrl-K toggles it', async () => {
    serve();
    renderFinder();
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'accounts:12' } });
    await waitFor(() =>
      expect(
        within(screen.getByRole('group', { name: 'Files' })).getAllByRole('option')[0]?.textContent,
      ).toBe('src/accounts/Accounts.java:12'),
    );
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(window.location.pathname).toBe('/repos/2/code/src/accounts/Accounts.java');
    expect(window.location.hash).toBe('#L12');
  });

  it('keeps Tab inside the dialog and closes with Escape, giving focus back', () => {
    serve();
    renderFinder();
    const outside = screen.getByRole('button', { name: 'outside' });
    outside.focus();
    fireEvent.keyDown(outside, { key: 'k', ctrlKey: true });
    const box = screen.getByRole('combobox');
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(box, { key: 'Tab' });
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(box);

    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(outside);
  });
});

describe('ShortcutsDialog', () => {
  it('lists the shortcuts on ? and not while typing', () => {
    render(
      <>
        <input aria-label="field" />
        <ShortcutsDialog />
      </>,
    );
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'field' }), { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(document.body, { key: '?' });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('find a file or symbol');
    expect(dialog.textContent).toContain('find in this file');
  });
});
