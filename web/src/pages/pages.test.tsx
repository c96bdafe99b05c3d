import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReposPage } from './ReposPage.tsx';
import { SearchPage } from './SearchPage.tsx';
import { CodePage } from './CodePage.tsx';

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

/** Answers each URL prefix with its body; the health check is always up. */
function serve(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn((url: string) => {
    if (url.startsWith('/api/health'))
      return Promise.resolve(json({ status: 'UP', mode: 'local' }));
    const key = Object.keys(routes).find((prefix) => url.startsWith(prefix));
    return key
      ? Promise.resolve(routes[key]!())
      : Promise.resolve(json({ title: 'Not Found' }, 404));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('ReposPage', () => {
  it('tells a new user what to do when there is no repository', async () => {
    serve({ '/api/repos': () => json([]) });

    withQueries(<ReposPage />);

    expect(await screen.findByRole('heading', { name: 'No repositories yet' })).toBeDefined();
    expect(screen.getByText(/atelier serve \/path\/to\/project/)).toBeDefined();
  });

  it('says the server is down when it cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    withQueries(<ReposPage />);

    const alerts = await screen.findAllByRole('alert');
    expect(alerts.some((a) => a.textContent?.includes('Server not reachable'))).toBe(true);
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThan(0);
  });

  it('lists branches with their state, and a failed run with its error', async () => {
    serve({
      '/api/repos': () =>
        json([
          {
            id: 4,
            name: 'shop',
            kind: 'working_tree',
            location: '/src/shop',
            defaultBranch: 'main',
            branches: [
              { name: 'main', state: 'ready', filesDone: 10, filesTotal: 10, indexedAt: null },
              {
                name: 'dev',
                state: 'failed',
                filesDone: 2,
                filesTotal: 10,
                lastError: 'disk full',
              },
            ],
          },
        ]),
    });

    withQueries(<ReposPage />);

    const branches = await screen.findByRole('list', { name: 'Branches of shop' });
    expect(within(branches).getByText('search ready')).toBeDefined();
    expect(within(branches).getByRole('alert').textContent).toContain('disk full');
    expect(screen.getByRole('link', { name: 'shop' }).getAttribute('href')).toBe('/repos/4/code');
  });

  it('shows semantic coverage per repository, "ready" only where its code is all embedded', async () => {
    const repo = (id: number, name: string) => ({
      id,
      name,
      kind: 'working_tree',
      location: `/src/${name}`,
      defaultBranch: 'main',
      branches: [{ name: 'main', state: 'ready', filesDone: 1, filesTotal: 1, indexedAt: null }],
    });
    const coverage = (repository: number, coreDone: number) => ({
      repository,
      textIndex: { files: 10, pending: repository === 2 ? 4 : 0 },
      embeddings: { done: coreDone, total: 10, coreDone, coreTotal: 8, chunksPerSecond: 0 },
      semanticReady: coreDone >= 8,
    });
    serve({
      '/api/repos': () => json([repo(1, 'small'), repo(2, 'large')]),
      '/api/index/status': () =>
        json({
          textIndexPending: 0,
          embeddingsEnabled: true,
          embeddings: { done: 10, total: 20, coreDone: 10, coreTotal: 16, chunksPerSecond: 0 },
          repositories: [coverage(1, 8), coverage(2, 2)],
        }),
    });

    withQueries(<ReposPage />);

    const panel = async (name: string) =>
      (await screen.findByRole('link', { name })).closest('li.repo') as HTMLElement;
    expect(await within(await panel('small')).findByText('semantic ready')).toBeDefined();
    expect(await within(await panel('large')).findByText('semantic 25%')).toBeDefined();
    expect(within(await panel('large')).queryByText('semantic ready')).toBeNull();
    // The text index backlog, per repository too.
    expect(within(await panel('small')).getByText('text index ready')).toBeDefined();
    expect(within(await panel('large')).getByText('text index 60%')).toBeDefined();
    expect(
      within(await panel('large')).getByRole('progressbar', {
        name: 'Files of large in the text index',
      }),
    ).toBeDefined();
  });
});

describe('SearchPage', () => {
  const matches = {
    matches: [
      { path: 'src/A.java', line: 3, column: 2, length: 3, text: 'a foo b' },
      { path: 'src/B.java', line: 8, column: 0, length: 3, text: 'foo()' },
      { path: 'src/A.java', line: 9, column: 4, length: 3, text: 'x = foo' },
    ],
    total: 3,
    filesMatched: 2,
    offset: 0,
    nextCursor: null,
    pattern: 'foo',
    sort: 'RELEVANCE',
    candidates: 2,
  };

  it('groups matches by file with the matched text highlighted', async () => {
    serve({ '/api/repos/1/search/text': () => json(matches) });

    withQueries(<SearchPage repo={1} q="foo" mode="text" branch={undefined} />);

    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const files = within(results)
      .getAllByRole('group')
      .map((g) => g.getAttribute('aria-labelledby'))
      .map((id) => document.getElementById(id!)?.textContent);
    expect(files).toEqual(['src/A.java', 'src/B.java']);
    expect(within(results).getAllByRole('option')).toHaveLength(3);
    expect(results.querySelectorAll('mark')).toHaveLength(3);
    expect(screen.getByText('3 matches in 2 files')).toBeDefined();
  });

  it('walks the results with the arrow keys and opens one at its line with Enter', async () => {
    serve({ '/api/repos/1/search/text': () => json(matches) });
    withQueries(<SearchPage repo={1} q="foo" mode="text" branch={undefined} />);
    const results = await screen.findByRole('listbox', { name: 'Search results' });

    fireEvent.keyDown(results, { key: 'ArrowDown' });
    expect(within(results).getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(results, { key: 'ArrowDown' });
    fireEvent.keyDown(results, { key: 'ArrowDown' });
    fireEvent.keyDown(results, { key: 'Enter' });

    expect(window.location.pathname).toBe('/repos/1/code/src/B.java');
    expect(window.location.hash).toBe('#L8');
  });

  it('pages through every match with "Load more" and shows the exact total', async () => {
    const fetchMock = serve({
      '/api/repos/1/search/text': () => {
        const second = fetchMock.mock.calls.some((c) => String(c[0]).includes('cursor=c1'));
        return second
          ? json({ ...matches, matches: [matches.matches[2]], offset: 2, nextCursor: null })
          : json({ ...matches, matches: matches.matches.slice(0, 2), nextCursor: 'c1' });
      },
    });
    withQueries(<SearchPage repo={1} q="foo lang:java" mode="text" branch={undefined} />);

    expect(await screen.findByText('3 matches in 2 files · showing 2')).toBeDefined();
    expect(screen.getByRole('list', { name: 'Filters' }).textContent).toContain('java files');
    fireEvent.click(screen.getByRole('button', { name: 'Load 1 more' }));

    expect(await screen.findByText('3 matches in 2 files')).toBeDefined();
    const results = screen.getByRole('listbox', { name: 'Search results' });
    expect(within(results).getAllByRole('option')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /Load/ })).toBeNull();
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toContain('cursor=c1');
  });

  it('shows context lines around a match with their line numbers', async () => {
    serve({
      '/api/repos/1/search/text': () =>
        json({
          ...matches,
          total: 1,
          filesMatched: 1,
          matches: [{ ...matches.matches[1], before: ['// one', '// two'], after: ['}'] }],
        }),
    });
    withQueries(<SearchPage repo={1} q="foo" mode="text" branch={undefined} context={2} />);

    const results = await screen.findByRole('listbox', { name: 'Search results' });
    const option = within(results).getByRole('option');
    expect(option.textContent).toBe('6// one7// two8foo()9}');
  });

  it('retries the query as edited in the box after an error', async () => {
    serve({
      '/api/repos/1/search/text': () =>
        json({ title: 'Invalid search query', detail: 'invalid regular expression' }, 400),
    });
    const { SearchDraftProvider, useSearchDraft } = await import('../lib/searchDraft.tsx');
    function Edit() {
      const { setDraft } = useSearchDraft();
      return (
        <button type="button" onClick={() => setDraft({ q: 'fo+', mode: 'regex' })}>
          edit
        </button>
      );
    }
    withQueries(
      <SearchDraftProvider>
        <Edit />
        <SearchPage repo={1} q="fo(" mode="regex" branch={undefined} />
      </SearchDraftProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('invalid regular');
    fireEvent.click(screen.getByRole('button', { name: 'edit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(window.location.pathname).toBe('/repos/1/search');
    expect(new URLSearchParams(window.location.search).get('q')).toBe('fo+');
  });

  it('searches symbols in symbol mode and shows a server problem as an error', async () => {
    const fetchMock = serve({
      '/api/repos/1/search/symbols': () =>
        json(
          { title: 'Invalid search query', detail: 'a symbol query needs 1 to 200 characters' },
          400,
        ),
    });

    withQueries(<SearchPage repo={1} q="x" mode="symbol" branch="dev" />);

    expect((await screen.findByRole('alert')).textContent).toContain('needs 1 to 200 characters');
    // (The page also asks for message hits beside the code.)
    expect(fetchMock.mock.calls.map((c) => c[0])).toContainEqual(
      expect.stringContaining('/search/symbols?q=x&branch=dev'),
    );
  });
});

describe('CodePage', () => {
  const repo = {
    id: 1,
    name: 'shop',
    kind: 'git',
    location: '/src/shop',
    defaultBranch: 'main',
    branches: [
      { name: 'main', state: 'ready', filesDone: 1, filesTotal: 1, headCommit: 'abc123def456' },
    ],
  };

  it('says a path that is neither a file nor a folder is missing, not "no folder"', async () => {
    serve({
      '/api/repos/1/files': () =>
        json({ title: 'Not Found', type: 'https://atelier.dev/problems/file-not-found' }, 404),
      '/api/repos/1/tree': () =>
        json({ title: 'Not Found', type: 'https://atelier.dev/problems/file-not-found' }, 404),
      '/api/repos/1': () => json(repo),
    });
    withQueries(<CodePage repo={1} path="src/Nope.java" branch={undefined} hash="" />);

    const alert = await screen.findByText(/There is no file or folder/);
    expect(alert.textContent).toBe('There is no file or folder src/Nope.java in this branch.');
    await waitFor(() => expect(document.title).toBe('src/Nope.java · shop · Atelier'));
  });

  it('says when a line anchor is past the end of the file, and y pins the URL to the commit', async () => {
    serve({
      '/api/repos/1/files': () =>
        json({
          path: 'a.txt',
          sha: 'x',
          size: 6,
          language: 'text',
          lines: 3,
          content: 'a\nb\nc\n',
        }),
      '/api/repos/1/outline': () => json([]),
      '/api/repos/1/tree': () => json({ path: '', entries: [] }),
      '/api/repos/1': () => json(repo),
    });
    window.history.replaceState(null, '', '/repos/1/code/a.txt#L9000');
    withQueries(<CodePage repo={1} path="a.txt" branch={undefined} hash="#L9000" />);

    expect((await screen.findByText(/past the end/)).textContent).toBe(
      'Line 9000 is past the end of this file, which has 3 lines.',
    );
    await waitFor(() => expect(document.title).toBe('a.txt · shop · Atelier'));
    fireEvent.keyDown(document.body, { key: 'y' });
    expect(window.location.search).toBe('?commit=abc123def456');
    expect(window.location.hash).toBe('#L9000');
  });
});
