import { describe, expect, it } from 'vitest';
import { type LayoutLink, separate, spiral, step } from './forceLayout.ts';
import { layoutKey, NODE_GAP, overlapping, settledLayout } from './graphLayout.ts';

/**
 * A Guava-shaped file graph of 150 nodes: five hubs (large, everything uses them), a dozen busy
 * files, and the rest small leaves each depending on a hub, a busy file and a neighbour.
 */
function denseGraph(): { ids: string[]; radii: number[]; links: LayoutLink[] } {
  const ids = Array.from({ length: 150 }, (_, i) => `com/example/F${i}.java`);
  const radii = ids.map((_, i) => (i < 5 ? 16 : i < 17 ? 9 : 4 + (i % 3)));
  const links: LayoutLink[] = [];
  for (let i = 5; i < 150; i++) {
    links.push({ source: i, target: i % 5, strength: 1 });
    if (i >= 17) links.push({ source: i, target: 5 + (i % 12), strength: 0.6 });
    if (i > 17) links.push({ source: i, target: i - 1, strength: 0.4 });
  }
  return { ids, radii, links };
}

describe('file graph layout', () => {
  it('forces alone leave a dense graph with files drawn over each other', () => {
    const { radii, links } = denseGraph();
    const nodes = spiral(radii.length);
    for (let i = 0; i < 300; i++) step(nodes, links, 1 - i / 300);

    expect(overlapping(nodes, radii)).toBeGreaterThan(0);
  });

  it('places 150 dense nodes so that no two circles overlap, with room between them', () => {
    const { ids, radii, links } = denseGraph();
    const nodes = settledLayout(layoutKey(ids, radii, links), radii, links);

    expect(nodes).toHaveLength(150);
    expect(overlapping(nodes, radii)).toBe(0);
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++)
        expect(Math.hypot(nodes[i]!.x - nodes[j]!.x, nodes[i]!.y - nodes[j]!.y)).toBeGreaterThan(
          radii[i]! + radii[j]! + NODE_GAP * 0.99,
        );
  });

  it('keeps linked files near each other: a leaf sits closer to its hub than the drawing is wide', () => {
    const { ids, radii, links } = denseGraph();
    const nodes = settledLayout(layoutKey(ids, radii, links), radii, links);
    const xs = nodes.map((n) => n.x);
    const width = Math.max(...xs) - Math.min(...xs);
    const leaf = nodes[100]!;
    const hub = nodes[0]!;

    expect(Math.hypot(leaf.x - hub.x, leaf.y - hub.y)).toBeLessThan(width / 2);
  });

  it('answers the same places again from its cache, as fresh nodes a drag may move', () => {
    const { ids, radii, links } = denseGraph();
    const key = layoutKey(ids, radii, links);
    const first = settledLayout(key, radii, links);
    const placed = first[0]!.x;
    first[0]!.x += 500;
    const again = settledLayout(key, radii, links);

    expect(again[0]!.x).toBe(placed);
    expect(again.slice(1)).toEqual(first.slice(1));
    expect(again[0]).not.toBe(first[0]);
  });

  it('tells graphs apart by their nodes, sizes and links', () => {
    const { ids, radii, links } = denseGraph();
    const key = layoutKey(ids, radii, links);

    expect(layoutKey(ids, radii, links.slice(1))).not.toBe(key);
    expect(
      layoutKey(
        ids,
        radii.map((r) => r + 1),
        links,
      ),
    ).not.toBe(key);
    expect(layoutKey([...ids].reverse(), radii, links)).not.toBe(key);
  });

  it('parts two circles on one spot, and moves only the free one of a pinned pair', () => {
    const twins = [
      { x: 0, y: 0, vx: 0, vy: 0 },
      { x: 0, y: 0, vx: 0, vy: 0 },
    ];
    expect(separate(twins, [5, 5])).toBe(0);
    expect(overlapping(twins, [5, 5])).toBe(0);

    const pinned = [
      { x: 0, y: 0, vx: 0, vy: 0, pinned: true },
      { x: 1, y: 0, vx: 0, vy: 0 },
    ];
    separate(pinned, [5, 5], 0);
    expect(pinned[0]).toMatchObject({ x: 0, y: 0 });
    expect(pinned[1]!.x).toBeGreaterThanOrEqual(10);
  });
});
