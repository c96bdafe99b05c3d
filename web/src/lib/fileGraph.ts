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
    name: node.path.slice(node.path.lastIndexOf('/') + 1),
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
