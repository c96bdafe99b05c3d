import { type LayoutLink, type LayoutNode, separate, spiral, step } from './forceLayout.ts';

// Steps run before the first paint: the graph appears settled instead of wobbling into place.
const SETTLE_STEPS = 300;
/** Room left between two circles, in drawing units (a node's radius is 4 to 16). */
export const NODE_GAP = 3;
// Layouts kept: the levels and folders of a repository or two, visited back and forth.
const CACHED = 16;

const cache = new Map<string, readonly { x: number; y: number }[]>();

/** What a layout depends on: the nodes in order, their sizes and the links between them. */
export function layoutKey(
  ids: readonly string[],
  radii: readonly number[],
  links: readonly LayoutLink[],
): string {
  return [
    ids.join('\n'),
    radii.map((r) => r.toFixed(2)).join(','),
    links.map((l) => `${l.source}>${l.target}:${l.strength.toFixed(2)}`).join(','),
  ].join('|');
}

/**
 * Positions for a graph's nodes that no two circles share: the force simulation with every step
 * followed by a pass that parts overlapping circles (so the forces settle around the sizes), then
 * passes until none overlap. Computed once per graph and kept: opening the tab or a level again,
 * or another folder and back, draws at once and in the same places. Each call answers fresh nodes
 * (drags move them) with the cached positions.
 */
export function settledLayout(
  key: string,
  radii: readonly number[],
  links: readonly LayoutLink[],
): LayoutNode[] {
  let positions = cache.get(key);
  if (positions) {
    cache.delete(key); // the newest at the end: the oldest goes first
  } else {
    const nodes = spiral(radii.length, Math.max(18, 1.5 * Math.max(0, ...radii)));
    for (let i = 0; i < SETTLE_STEPS; i++) {
      step(nodes, links, 1 - i / SETTLE_STEPS);
      separate(nodes, radii, NODE_GAP, 1);
    }
    separate(nodes, radii, NODE_GAP);
    positions = nodes.map(({ x, y }) => ({ x, y }));
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, positions);
  return positions.map(({ x, y }) => ({ x, y, vx: 0, vy: 0 }));
}

/** Pairs of circles that overlap (closer than their radii): none in a settled layout. */
export function overlapping(nodes: readonly LayoutNode[], radii: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const d = Math.hypot(nodes[i]!.x - nodes[j]!.x, nodes[i]!.y - nodes[j]!.y);
      if (d < (radii[i] ?? 0) + (radii[j] ?? 0)) count++;
    }
  }
  return count;
}
