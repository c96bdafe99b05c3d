import { describe, expect, it } from 'vitest';
import {
  communityColour,
  drawable,
  type FileGraph,
  folderFiles,
  folderGraph,
  neighbours,
  startsAtFolders,
} from './fileGraph.ts';

const graph: FileGraph = {
  nodes: [
    { path: 'src/core/Accounts.java', rank: 0.4, community: 1 },
    { path: 'src/core/Ledger.java', rank: 0.1, community: 1 },
    { path: 'README.md', rank: 0.025, community: 0 },
  ],
  edges: [
    { from: 1, to: 0, imports: 1, references: 12 },
    { from: 2, to: 9, imports: 0, references: 1 },
  ],
  clusters: [{ id: 1, label: 'src/core (Accounts.java)', size: 7, shown: 2 }],
  totalFiles: 40,
};

describe('file graph shaping', () => {
  it('sizes files by rank, the most central largest, areas in proportion', () => {
    const { files } = drawable(graph);

    expect(files.map((f) => f.name)).toEqual(['Accounts.java', 'Ledger.java', 'README.md']);
    expect(files[0]!.radius).toBe(16);
    expect(files[1]!.radius).toBeCloseTo(4 + 12 * Math.sqrt(0.25));
    expect(files[2]!.radius).toBeCloseTo(4 + 12 * Math.sqrt(0.0625));
  });

  it('colours files by community and greys out files without dependencies', () => {
    const { files } = drawable(graph);

    expect(files[0]!.colour).toBe(communityColour(1));
    expect(files[1]!.colour).toBe(files[0]!.colour);
    expect(files[2]!.colour).toBe('var(--muted)');
    expect(communityColour(2)).not.toBe(communityColour(1));
  });

  it('counts dependencies both ways and drops edges to files not shown', () => {
    const { files, links } = drawable(graph);

    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ source: 1, target: 0 });
    expect(links[0]!.strength).toBeGreaterThan(0.4);
    expect(links[0]!.strength).toBeLessThanOrEqual(1);
    expect(files[1]).toMatchObject({ dependsOn: 1, usedBy: 0 });
    expect(files[0]).toMatchObject({ dependsOn: 0, usedBy: 1 });
  });

  it('finds the neighbours of a file in either direction', () => {
    const links = [
      { source: 0, target: 1, strength: 1 },
      { source: 2, target: 0, strength: 1 },
      { source: 3, target: 4, strength: 1 },
    ];

    expect([...neighbours(links, 0)].sort()).toEqual([1, 2]);
    expect(neighbours(links, 5).size).toBe(0);
  });
});

describe('folder level', () => {
  const graph = {
    nodes: [
      { path: 'a/X.java', rank: 0.3, community: 1 },
      { path: 'a/Y.java', rank: 0.2, community: 1 },
      { path: 'b/Z.java', rank: 0.4, community: 2 },
      { path: 'README.md', rank: 0.1, community: 2 },
    ],
    edges: [
      { from: 0, to: 2, imports: 1, references: 2 },
      { from: 1, to: 2, imports: 0, references: 3 },
      { from: 0, to: 1, imports: 1, references: 1 },
    ],
    clusters: [],
    totalFiles: 4,
  };

  it('sums files into folders, their ranks and the dependencies between folders', () => {
    const folders = folderGraph(graph);
    expect(folders.nodes.map((n) => [n.path, Number(n.rank.toFixed(2)), n.community])).toEqual([
      ['a', 0.5, 1],
      ['b', 0.4, 2],
      ['', 0.1, 2],
    ]);
    expect(folders.edges).toEqual([{ from: 0, to: 1, imports: 1, references: 5 }]);
  });

  it('drills down to one folder and starts at folders only when the files are many and spread', () => {
    const a = folderFiles(graph, 'a');
    expect(a.nodes.map((n) => n.path)).toEqual(['a/X.java', 'a/Y.java']);
    expect(a.edges).toEqual([{ from: 0, to: 1, imports: 1, references: 1 }]);
    expect(startsAtFolders(graph)).toBe(false);
    const many = {
      ...graph,
      nodes: Array.from({ length: 50 }, (_, i) => ({
        path: `${i % 2 ? 'a' : 'b'}/F${i}.java`,
        rank: 1,
        community: 1,
      })),
    };
    expect(startsAtFolders(many)).toBe(true);
  });
});
