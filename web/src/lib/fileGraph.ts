import type { LayoutLink } from './forceLayout.ts';

/** `GET /api/repos/{id}/graph`: the most central files and the dependencies among them. */
export interface FileGraph {
  nodes: { path: string; rank: number; community: number }[];
  edges: { from: number; to: number; imports: number; references: number }[];
  clusters: { id: number; label: string; size: number; shown: number }[];
  totalFiles: number;
}

/** A file as the graph draws it. */
export interface DrawnFile {
  path: string;
  name: string;
  community: number;
  colour: string;
  radius: number;
  dependsOn: number;
  usedBy: number;
}

/** A distinct hue per cluster: golden-angle steps never repeat a neighbour's colour. */
export function clusterColour(index: number): string {
  return `hsl(${Math.round((index * 137.508) % 360)} 65% 50%)`;
}

/** The colour of community `id` (numbered from 1, as community_detection lists them). */
export function communityColour(id: number): string {
  return id > 0 ? clusterColour(id - 1) : 'var(--muted)';
}

/**
 * Shapes the server's answer for drawing: a radius by PageRank (area proportional to rank, within
 * 4–16 px), a colour by community, in- and out-degrees for the table; springs weighted by how many
 * imports and references an edge stands for (log-scaled, at most 1).
 */
export function drawable(graph: FileGraph): { files: DrawnFile[]; links: LayoutLink[] } {
  const top = Math.max(...graph.nodes.map((n) => n.rank), Number.MIN_VALUE);
  const files = graph.nodes.map((node) => ({
    path: node.path,
    name: node.path.slice(node.path.lastIndexOf('/') + 1) || '(root)',
    community: node.community,
    colour: communityColour(node.community),
    radius: 4 + 12 * Math.sqrt(node.rank / top),
    dependsOn: 0,
    usedBy: 0,
  }));
  const links: LayoutLink[] = [];
  for (const edge of graph.edges) {
    const from = files[edge.from];
    const to = files[edge.to];
    if (!from || !to) continue;
    from.dependsOn++;
    to.usedBy++;
    links.push({
      source: edge.from,
      target: edge.to,
      strength: Math.min(1, 0.4 + 0.2 * Math.log10(1 + edge.imports + edge.references)),
    });
  }
  return { files, links };
}

/** The indexes of a node's neighbours (either direction), for highlighting on hover. */
export function neighbours(links: readonly LayoutLink[], node: number): Set<number> {
  const found = new Set<number>();
  for (const link of links) {
    if (link.source === node) found.add(link.target);
    if (link.target === node) found.add(link.source);
  }
  return found;
}

/** The folder of a path; '' for the root. */
export function folderOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/**
 * The graph one level up: a node per folder of the files shown (its rank the sum of theirs, its
 * cluster the one most of them are in), an edge per pair of folders with the imports and
 * references between them summed. 150 files in 20 folders read better as 20 nodes first.
 */
export function folderGraph(graph: FileGraph): FileGraph {
  const index = new Map<string, number>();
  const nodes: FileGraph['nodes'] = [];
  const votes: Map<number, number>[] = [];
  const folderIndex = graph.nodes.map((node) => {
    const folder = folderOf(node.path);
    let at = index.get(folder);
    if (at === undefined) {
      at = nodes.length;
      index.set(folder, at);
      nodes.push({ path: folder, rank: 0, community: 0 });
      votes.push(new Map());
    }
    nodes[at]!.rank += node.rank;
    votes[at]!.set(node.community, (votes[at]!.get(node.community) ?? 0) + 1);
    return at;
  });
  nodes.forEach((node, i) => {
    const ranked = [...votes[i]!].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    node.community = ranked[0]?.[0] ?? 0;
  });
  const edges = new Map<string, FileGraph['edges'][number]>();
  for (const edge of graph.edges) {
    const from = folderIndex[edge.from];
    const to = folderIndex[edge.to];
    if (from === undefined || to === undefined || from === to) continue;
    const key = `${from}>${to}`;
    const sum = edges.get(key) ?? { from, to, imports: 0, references: 0 };
    sum.imports += edge.imports;
    sum.references += edge.references;
    edges.set(key, sum);
  }
  return { ...graph, nodes, edges: [...edges.values()] };
}

/** The files of one folder (not its sub-folders) and the dependencies among them. */
export function folderFiles(graph: FileGraph, folder: string): FileGraph {
  const kept = new Map<number, number>();
  const nodes = graph.nodes.filter((node, i) => {
    if (folderOf(node.path) !== folder) return false;
    kept.set(i, kept.size);
    return true;
  });
  const edges = graph.edges
    .filter((e) => kept.has(e.from) && kept.has(e.to))
    .map((e) => ({ ...e, from: kept.get(e.from)!, to: kept.get(e.to)! }));
  return { ...graph, nodes, edges };
}

/** Folders first when the files shown spread over several folders and are too many to read. */
export function startsAtFolders(graph: FileGraph): boolean {
  return graph.nodes.length > 40 && new Set(graph.nodes.map((n) => folderOf(n.path))).size > 1;
}
