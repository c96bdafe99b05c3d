import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UnderstandPage from './UnderstandPage.tsx';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** Answers `POST /api/repos/1/tools/{name}` with each tool's handler, given the arguments. */
function serveTools(tools: Record<string, (args: Record<string, unknown>) => Response>) {
  // A tool answers `{text, structured}`; the handlers give the structured part (or a problem).
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    const name = /\/api\/repos\/1\/tools\/(\w+)$/.exec(url)?.[1];
    const handler = name ? tools[name] : undefined;
    const args = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
    if (!handler) return Promise.resolve(json({ title: 'Not Found' }, 404));
    const answer = handler(args);
    if (!answer.ok) return Promise.resolve(answer);
    return answer.json().then((structured: unknown) => json({ text: '', structured }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPage(tab: Parameters<typeof UnderstandPage>[0]['tab'], branch?: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <UnderstandPage repo={1} tab={tab} branch={branch} />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('UnderstandPage', () => {
  it('lists the repo map with key symbols linked to their lines', async () => {
    const fetchMock = serveTools({
      repo_map: () =>
        json({
          files: [
            {
              path: 'src/App.java',
              rank: 0.4,
              symbols: [
                {
                  path: 'src/App.java',
                  line: 12,
                  kind: 'CLASS',
                  name: 'App',
                  qualifiedName: 'demo.App',
                  signature: 'public class App',
                },
              ],
            },
          ],
          totalFiles: 3,
        }),
    });

    renderPage('map');

    const files = await screen.findByRole('list', { name: 'Files by rank' });
    expect(within(files).getByRole('link', { name: 'src/App.java' })).toBeDefined();
    expect(
      within(files)
        .getByRole('link', { name: /public class App/ })
        .getAttribute('href'),
    ).toBe('/repos/1/code/src/App.java#L12');
    expect(screen.getByText(/1 of 3 files/)).toBeDefined();
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({ max_tokens: 4000 });
  });

  it('asks the tools about the branch being viewed', async () => {
    const fetchMock = serveTools({ repo_map: () => json({ files: [], totalFiles: 0 }) });

    renderPage('map', 'feature');

    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(JSON.parse(String(fetchMock.mock.calls[0]?.[1]?.body))).toEqual({
      max_tokens: 4000,
      branch: 'feature',
    });
  });

  it('moves between tabs with the arrow keys, keeping the tab in the URL', async () => {
    serveTools({ repo_map: () => json({ files: [], totalFiles: 0 }) });
    renderPage('map');

    const tabs = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(tabs).toEqual([
      'Repo map',
      'Dependency graph',
      'Hotspots',
      'Communities',
      'Conventions & learnings',
      'Security',
    ]);
    expect(screen.getByRole('tab', { name: 'Repo map' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await screen.findByText(/No files with symbols yet/)).toBeDefined();

    fireEvent.keyDown(screen.getByRole('tab', { name: 'Repo map' }), { key: 'ArrowRight' });
    expect(window.location.pathname + window.location.search).toBe('/repos/1/understand?tab=graph');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Repo map' }), { key: 'ArrowLeft' });
    expect(window.location.search).toBe('?tab=security');
  });

  it('adds a learning and gives feedback, refreshing the list each time', async () => {
    const learnings: Record<string, unknown>[] = [];
    const fetchMock = serveTools({
      conventions: () =>
        json({
          conventions: {
            sampleStep: 1,
            naming: [],
            layout: { topFolders: [], sourceRoots: ['src/main/java'], testRoots: [] },
            tests: [],
            frameworks: [{ name: 'JUnit', files: 2, evidence: 'pom.xml' }],
            errors: { exceptionTypes: 0, examples: [], goErrorChecks: 0, goFilesSampled: 0 },
          },
        }),
      list_learnings: () => json({ learnings: [...learnings] }),
      record_learning: (args) => {
        const learning = {
          id: 7,
          kind: args.kind,
          scope: args.scope,
          path: args.path ?? null,
          content: args.content,
          confidence: 0.6,
          helpful: 0,
          unhelpful: 0,
          decayed: false,
        };
        learnings.push(learning);
        return json({ ...learning, created: true });
      },
      learning_feedback: (args) => {
        const learning = learnings.find((l) => l.id === args.id)!;
        learning.helpful = 1;
        learning.confidence = 0.7;
        return json(learning);
      },
    });
    renderPage('learnings');

    expect(await screen.findByText(/No learnings yet/)).toBeDefined();
    expect(await screen.findByText('JUnit (2 files)')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Learning'), {
      target: { value: 'Money is always BigDecimal' },
    });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'pitfall' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add learning' }));

    const list = await screen.findByRole('list', { name: 'Learnings, most confident first' });
    expect(within(list).getByText('Money is always BigDecimal')).toBeDefined();
    expect(within(list).getByText('pitfall')).toBeDefined();
    expect(within(list).getByText(/confidence 0.60/)).toBeDefined();
    const recorded = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/record_learning'));
    expect(JSON.parse(String(recorded?.[1]?.body))).toEqual({
      content: 'Money is always BigDecimal',
      kind: 'pitfall',
      scope: 'repo',
    });

    fireEvent.click(within(list).getByRole('button', { name: 'Mark #7 helpful' }));
    expect(await within(list).findByText(/confidence 0.70/)).toBeDefined();
  });

  it('adds a learning on a folder of the branch being viewed, linking to it', async () => {
    const learnings: Record<string, unknown>[] = [];
    const fetchMock = serveTools({
      conventions: () => json({ title: 'Not here' }, 404),
      list_learnings: () => json({ learnings: [...learnings] }),
      record_learning: (args) => {
        const learning = {
          ...{ id: 8, kind: args.kind, scope: args.scope, path: args.path, content: args.content },
          ...{ confidence: 0.6, helpful: 0, unhelpful: 0, decayed: false },
        };
        learnings.push(learning);
        return json({ ...learning, created: true });
      },
    });
    renderPage('learnings', 'dev');
    await screen.findByText(/No learnings yet/);

    fireEvent.change(screen.getByLabelText('Learning'), { target: { value: 'Close cursors' } });
    expect(screen.queryByLabelText('Folder')).toBeNull();
    fireEvent.change(screen.getByLabelText('Applies to'), { target: { value: 'folder' } });
    const add = screen.getByRole('button', { name: 'Add learning' });
    expect(add.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('Folder'), { target: { value: './src/db/' } });
    fireEvent.click(add);

    const list = await screen.findByRole('list', { name: 'Learnings, most confident first' });
    expect(within(list).getByRole('link', { name: 'src/db' }).getAttribute('href')).toBe(
      '/repos/1/code/src/db?branch=dev',
    );
    const recorded = fetchMock.mock.calls.find((c) => String(c[0]).endsWith('/record_learning'));
    expect(JSON.parse(String(recorded?.[1]?.body))).toEqual({
      content: 'Close cursors',
      kind: 'convention',
      scope: 'folder',
      path: 'src/db',
      branch: 'dev',
    });
  });

  it('groups security findings by severity with path:line links', async () => {
    serveTools({
      security_scan: () =>
        json({
          findings: [
            {
              rule: 'injection.sql-concat',
              severity: 'MEDIUM',
              category: 'injection',
              path: 'src/Db.java',
              line: 40,
              message: 'SQL built by concatenation',
              excerpt: '"select " + name',
            },
            {
              rule: 'secret.aws-access-key',
              severity: 'CRITICAL',
              category: 'secret',
              path: 'conf/app.env',
              line: 3,
              message: 'AWS access key',
              excerpt: 'KEY=AKIA****',
            },
          ],
          files_scanned: 12,
          truncated: false,
        }),
    });
    renderPage('security');

    const headings = await screen.findAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual(['critical 1', 'medium 1']);
    expect(screen.getByRole('link', { name: 'conf/app.env:3' }).getAttribute('href')).toBe(
      '/repos/1/code/conf/app.env#L3',
    );
  });

  it('says which rules a clean scan ran', async () => {
    const fetchMock = serveTools({
      security_scan: () => json({ findings: [], files_scanned: 7, truncated: false }),
    });
    const tools = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation((url: string, init?: RequestInit) =>
      url === '/api/security/rules'
        ? Promise.resolve(
            json([
              {
                id: 'secret.aws',
                severity: 'critical',
                category: 'secret',
                message: 'AWS key',
                extensions: [],
              },
              {
                id: 'injection.eval',
                severity: 'high',
                category: 'injection',
                message: 'eval',
                extensions: ['py'],
              },
              {
                id: 'secret.pem',
                severity: 'high',
                category: 'secret',
                message: 'PEM key',
                extensions: [],
              },
            ]),
          )
        : tools(url, init),
    );
    renderPage('security');

    expect((await screen.findByText(/No findings in 7 files/)).textContent).toContain(
      'none of the rules below matched',
    );
    expect((await screen.findByText(/Checked against 3 rules/)).textContent).toBe(
      'Checked against 3 rules: secret (2), injection (1)',
    );
  });

  it('draws hotspots as a labelled treemap list and a table of factors', async () => {
    const hotspot = (path: string, score: number, fanIn: number) => ({
      path,
      score,
      churn: {
        commits: 4,
        linesAdded: 10,
        linesRemoved: 2,
        authors: 2,
        lastChange: '2026-11-01T10:00:00Z',
      },
      complexity: { cyclomatic: 7, functions: 3, maxNesting: 2, longestFunction: 20 },
      fanIn,
    });
    serveTools({
      hotspots: () =>
        json({
          history: '12 commits since 2026-01-01',
          churnKnown: true,
          considered: 9,
          files: [hotspot('src/Big.java', 90, 3), hotspot('src/Small.java', 10, 0)],
        }),
    });
    renderPage('hotspots');

    const treemap = await screen.findByRole('list', { name: /Hotspot treemap/ });
    const tiles = within(treemap).getAllByRole('listitem');
    expect(tiles).toHaveLength(2);
    expect(
      within(treemap).getByRole('link', { name: 'src/Big.java, score 90.0' }).getAttribute('href'),
    ).toBe('/repos/1/code/src/Big.java');
    // Area follows the score: the big tile covers nine times the small one.
    const area = (el: HTMLElement) => parseFloat(el.style.width) * parseFloat(el.style.height);
    expect(area(tiles[0]!) / area(tiles[1]!)).toBeCloseTo(9, 5);
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('+10/−2')).toBeDefined();
    expect(within(rows[1]!).getByText('2026-11-01')).toBeDefined();
  });

  it('lists clusters with label, size and files, each in its own colour', async () => {
    const cluster = (id: number, label: string, files: string[], size: number) => ({
      id,
      label,
      folder: 'src',
      central: files[0],
      topSymbols: [],
      size,
      files,
    });
    serveTools({
      community_detection: () =>
        json({
          communities: [
            cluster(0, 'src/db (Pool.java)', ['src/db/Pool.java', 'src/db/Conn.java'], 5),
            cluster(1, 'src/web (App.java)', ['src/web/App.java', 'src/web/Routes.java'], 2),
          ],
          modularity: 0.42,
          isolatedFiles: 1,
        }),
    });
    renderPage('communities');

    const clusters = await screen.findByRole('list', { name: 'Clusters, largest first' });
    const items = within(clusters).getAllByRole('listitem', { name: /files$/ });
    expect(items.map((i) => i.getAttribute('aria-labelledby'))).toEqual([
      'community-0',
      'community-1',
    ]);
    expect(screen.getByRole('heading', { name: 'src/db (Pool.java) 5 files' })).toBeDefined();
    expect(within(items[0]!).getByText('… 3 more')).toBeDefined();
    expect(items[0]!.style.borderLeftColor).not.toBe('');
    expect(items[0]!.style.borderLeftColor).not.toBe(items[1]!.style.borderLeftColor);
    expect(screen.getByText(/2 clusters, modularity 0.420, 1 files without/)).toBeDefined();
  });

  it('shows a tool error with a retry', async () => {
    serveTools({
      hotspots: () => json({ title: 'Not indexed', type: 'https://atelier.dev/not-indexed' }, 409),
    });
    renderPage('hotspots');

    expect((await screen.findByRole('alert')).textContent).toContain('not indexed yet');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined();
  });
});

describe('testsWhere', () => {
  it('says where tests are only as far as the files show', async () => {
    const { testsWhere } = await import('./understand/LearningsTab.tsx');
    expect(testsWhere([], [])).toBe('no test files found');
    expect(testsWhere(['src/test/java'], [])).toBe('tests under src/test/java');
    expect(testsWhere([], [{ placement: 'beside the code (same package)', files: 3 }])).toBe(
      'tests beside the code (same package) (3 files)',
    );
  });
});
