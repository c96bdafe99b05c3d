/** A node of the layout: position, velocity, and whether a drag holds it in place. */
export interface LayoutNode {
  x: number;
  y: number;
  vx: number;
  vy: number;
  pinned?: boolean;
}

/** A spring between two nodes (indexes); `strength` in (0, 1], heavier links pull harder. */
export interface LayoutLink {
  source: number;
  target: number;
  strength: number;
}

export interface LayoutOptions {
  /** Rest length of a spring. */
  distance: number;
  /** How hard nodes push each other apart (the push falls with distance). */
  repulsion: number;
  /** Pull of every node towards (0, 0), so loose parts do not drift away. */
  gravity: number;
  /** Share of velocity kept from one step to the next. */
  friction: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
  distance: 40,
  repulsion: 60,
  gravity: 0.06,
  friction: 0.6,
};

// No node moves further than this in one step, whatever the forces: the layout cannot explode.
const MAX_MOVE = 40;

/** Deterministic start: a sunflower spiral around (0, 0), so every run draws the same picture. */
export function spiral(count: number, spacing = 18): LayoutNode[] {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i + 0.5);
    return { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden), vx: 0, vy: 0 };
  });
}

/**
 * One step of a small force simulation in the manner of d3-force: every pair repels (falling with
 * distance; O(n²), fine for the few hundred nodes drawn), springs pull linked nodes towards
 * `distance` (divided by the busier end's degree, so a hub with a hundred links stays stable), and
 * gravity pulls to the centre. `alpha` (1 → 0) cools the moves so the layout settles. Returns the
 * largest move, to know when it has.
 */
export function step(
  nodes: LayoutNode[],
  links: readonly LayoutLink[],
  alpha: number,
  options: LayoutOptions = DEFAULT_LAYOUT,
): number {
  const n = nodes.length;
  const degree = new Array<number>(n).fill(0);
  for (const link of links) {
    if (link.source < n && link.target < n) {
      degree[link.source]!++;
      degree[link.target]!++;
    }
  }
  for (const link of links) {
    const a = nodes[link.source];
    const b = nodes[link.target];
    if (!a || !b || a === b) continue;
    const dx = b.x + b.vx - a.x - a.vx;
    const dy = b.y + b.vy - a.y - a.vy;
    const d = Math.sqrt(dx * dx + dy * dy) || 1;
    const da = degree[link.source]!;
    const db = degree[link.target]!;
    const pull = (((d - options.distance) / d) * alpha * link.strength) / Math.min(da, db);
    // The busier end moves less.
    const bias = da / (da + db);
    b.vx -= dx * pull * bias;
    b.vy -= dy * pull * bias;
    a.vx += dx * pull * (1 - bias);
    a.vy += dy * pull * (1 - bias);
  }
  for (let i = 0; i < n; i++) {
    const a = nodes[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = nodes[j]!;
      let dx = a.x - b.x;
      let dy = a.y - b.y;
      if (dx === 0 && dy === 0) {
        // Two nodes on one spot: nudge them apart the same way every time.
        dx = 0.01 * (j - i);
        dy = 0.01;
      }
      const push = (options.repulsion * alpha) / Math.max(dx * dx + dy * dy, 1);
      a.vx += dx * push;
      a.vy += dy * push;
      b.vx -= dx * push;
      b.vy -= dy * push;
    }
  }
  let largest = 0;
  for (const node of nodes) {
    if (node.pinned) {
      node.vx = 0;
      node.vy = 0;
      continue;
    }
    node.vx = clamp((node.vx - node.x * options.gravity * alpha) * options.friction);
    node.vy = clamp((node.vy - node.y * options.gravity * alpha) * options.friction);
    node.x += node.vx;
    node.y += node.vy;
    largest = Math.max(largest, Math.abs(node.vx), Math.abs(node.vy));
  }
  return largest;
}

function clamp(move: number): number {
  return Math.max(-MAX_MOVE, Math.min(MAX_MOVE, move));
}

/** The box around all nodes, for fitting the view: [minX, minY, maxX, maxY]. */
export function bounds(nodes: readonly LayoutNode[]): [number, number, number, number] {
  if (nodes.length === 0) return [-1, -1, 1, 1];
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of nodes) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

/**
 * Pushes apart every pair of circles closer than their radii plus `padding`, each by half the
 * overlap (all of it onto the other when one is pinned), until none overlap or `passes` run out;
 * returns the overlaps left. Forces alone leave a dense graph's hubs on top of their leaves: springs
 * pull a hundred files towards one node, and repulsion falls off too fast to stop them.
 */
export function separate(
  nodes: LayoutNode[],
  radii: readonly number[],
  padding = 2,
  passes = 200,
): number {
  let overlaps = 0;
  for (let pass = 0; pass < passes; pass++) {
    overlaps = 0;
    for (let i = 0; i < nodes.length; i++) {
      const a = nodes[i]!;
      for (let j = i + 1; j < nodes.length; j++) {
        const b = nodes[j]!;
        const least = (radii[i] ?? 0) + (radii[j] ?? 0) + padding;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        const d2 = dx * dx + dy * dy;
        if (d2 >= least * least) continue;
        overlaps++;
        let d = Math.sqrt(d2);
        if (d === 0) {
          // Two nodes on one spot: part them along a direction fixed by their indexes.
          dx = Math.cos(i + j);
          dy = Math.sin(i + j);
          d = 1;
        }
        // A hair more than the overlap, so floating point never leaves a pair just touching.
        const shift = (least - d) * 1.001 + 1e-6;
        const ux = dx / d;
        const uy = dy / d;
        const shareA = a.pinned ? 0 : b.pinned ? 1 : 0.5;
        const shareB = a.pinned && b.pinned ? 0 : 1 - shareA;
        a.x -= ux * shift * shareA;
        a.y -= uy * shift * shareA;
        b.x += ux * shift * shareB;
        b.y += uy * shift * shareB;
      }
    }
    if (overlaps === 0) break;
  }
  return overlaps;
}
