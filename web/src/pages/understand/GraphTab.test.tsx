import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileGraph } from '../../lib/fileGraph.ts';
import GraphTab from './GraphTab.tsx';

const graph: FileGraph = {
  nodes: [
    { path: 'src/core/Accounts.java', rank: 0.4, community: 1 },
    { path: 'src/core/Ledger.java', rank: 0.1, community: 1 },
    { path: 'README.md', rank: 0.02, community: 0 },
  ],
  edges: [{ from: 1, to: 0, imports: 1, references: 3 }],
  clusters: [{ id: 1, label: 'src/core (Accounts.java: Accounts)', size: 9, shown: 2 }],
  totalFiles: 12,
};

function serve(answer: FileGraph) {
  const fetchMock = vi.fn((_url: string) =>
    Promise.resolve(
      new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderTab() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <GraphTab repo={1} branch="dev" />
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('GraphTab', () => {
  it('draws every file with its cluster colour, a legend and a table of the same files', async () => {
    const fetchMock = serve(graph);

    renderTab();

    const drawing = await screen.findByRole('group', { name: /Dependency graph of 3 files/ });
    const nodes = within(drawing).getAllByRole('link');
    expect(nodes.map((n) => n.getAttribute('data-path'))).toEqual(graph.nodes.map((n) => n.path));
    expect(nodes[0]!.getAttribute('aria-label')).toBe(
      'src/core/Accounts.java, cluster 1, depends on 0, used by 1',
    );
    expect(drawing.querySelectorAll('line')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /src\/core \(Accounts.java/ }).textContent).toContain(
      '2 of 9 files',
    );
    expect(screen.getByText('no dependencies')).toBeDefined();
    const table = screen.getByRole('table', { name: /Files of the graph/ });
    expect(within(table).getByRole('link', { name: 'README.md' }).getAttribute('href')).toBe(
      '/repos/1/code/README.md?branch=dev',
    );
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/repos/1/graph?limit=150&branch=dev');
  });

  it('opens a file when its node is clicked or activated from the keyboard', async () => {
    serve(graph);
    renderTab();
    const drawing = await screen.findByRole('group', { name: /Dependency graph/ });
    const ledger = drawing.querySelector('[data-path="src/core/Ledger.java"] circle')!;

    fireEvent.pointerDown(ledger, { clientX: 10, clientY: 10 });
    fireEvent.pointerUp(ledger, { clientX: 10, clientY: 10 });

    expect(window.location.pathname).toBe('/repos/1/code/src/core/Ledger.java');
    fireEvent.keyDown(within(drawing).getAllByRole('link')[2]!, { key: 'Enter' });
    expect(window.location.pathname).toBe('/repos/1/code/README.md');
  });

  it('shows the path and neighbours of the file under the pointer, dimming the rest', async () => {
    serve(graph);
    renderTab();
    const drawing = await screen.findByRole('group', { name: /Dependency graph/ });
    const [accounts, ledger, readme] = within(drawing).getAllByRole('link');

    fireEvent.pointerEnter(ledger!);

    expect(screen.getByText(/src\/core\/Ledger.java — depends on 1, used by 0/)).toBeDefined();
    expect(accounts!.getAttribute('class')).not.toContain('dim');
    expect(readme!.getAttribute('class')).toContain('dim');
  });

  it('highlights one cluster from the legend', async () => {
    serve(graph);
    renderTab();
    const drawing = await screen.findByRole('group', { name: /Dependency graph/ });

    fireEvent.click(screen.getByRole('button', { name: /src\/core \(Accounts.java/ }));

    const [accounts, , readme] = within(drawing).getAllByRole('link');
    expect(accounts!.getAttribute('class')).not.toContain('dim');
    expect(readme!.getAttribute('class')).toContain('dim');
  });

  it('starts many files spread over folders at the folder level and drills down with Enter', async () => {
    const many: FileGraph = {
      nodes: Array.from({ length: 50 }, (_, i) => ({
        path: `${i % 2 ? 'src/a' : 'src/b'}/F${i}.java`,
        rank: 1 / (i + 1),
        community: 1,
      })),
      edges: [{ from: 1, to: 0, imports: 1, references: 1 }],
      clusters: [],
      totalFiles: 50,
    };
    serve(many);
    renderTab();

    const folders = await screen.findByRole('group', { name: /Dependency graph of 2 folders/ });
    const a = within(folders)
      .getAllByRole('link')
      .find((n) => n.getAttribute('data-path') === 'src/a')!;
    fireEvent.keyDown(a, { key: 'Enter' });

    const files = await screen.findByRole('group', { name: /Dependency graph of 25 files/ });
    expect(
      within(files)
        .getAllByRole('link')
        .every((n) => n.getAttribute('data-path')?.startsWith('src/a/')),
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '← All folders' }));
    expect(await screen.findByRole('group', { name: /of 2 folders/ })).toBeDefined();
  });
});
