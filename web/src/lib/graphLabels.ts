/** A node as label placement sees it: where it is drawn, how big, and its label. */
export interface LabelCandidate {
  x: number;
  y: number;
  radius: number;
  name: string;
}

/** Screen pixels per character of the 11 px label font, and the label's height: an estimate. */
const CHAR_WIDTH = 6.4;
const LINE_HEIGHT = 13;

/** At most this many labels at once: past it, a 150-node graph is a wall of text. */
export const MAX_LABELS = 30;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Which nodes get a label: the biggest (highest-ranked) first, each only where its label would
 * not cover another label or another node, at most {@link MAX_LABELS}. Labels keep their screen
 * size while the drawing zooms by `zoom`, so zooming in spreads the nodes under them and leaves
 * room for more. `always` (the hovered node and its neighbours) are labelled regardless and
 * placed first.
 */
export function placeLabels(
  nodes: readonly LabelCandidate[],
  zoom: number,
  always: ReadonlySet<number> = new Set(),
): Set<number> {
  const k = zoom > 0 ? zoom : 1;
  const box = (n: LabelCandidate): Box => {
    const x0 = n.x + n.radius + 3 / k;
    return {
      x0,
      y0: n.y - LINE_HEIGHT / 2 / k,
      x1: x0 + (n.name.length * CHAR_WIDTH) / k,
      y1: n.y + LINE_HEIGHT / 2 / k,
    };
  };
  const circles: Box[] = nodes.map((n) => ({
    x0: n.x - n.radius,
    y0: n.y - n.radius,
    x1: n.x + n.radius,
    y1: n.y + n.radius,
  }));
  const placed: Box[] = [];
  const chosen = new Set<number>();
  for (const i of always) {
    const n = nodes[i];
    if (!n) continue;
    chosen.add(i);
    placed.push(box(n));
  }
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[b]!.radius - nodes[a]!.radius || a - b);
  for (const i of order) {
    if (chosen.size >= MAX_LABELS + always.size) break;
    if (chosen.has(i)) continue;
    const label = box(nodes[i]!);
    if (placed.some((p) => overlaps(p, label))) continue;
    if (circles.some((c, j) => j !== i && overlaps(c, label))) continue;
    chosen.add(i);
    placed.push(label);
  }
  return chosen;
}
