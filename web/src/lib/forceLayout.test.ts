import { describe, expect, it } from 'vitest';
import { bounds, DEFAULT_LAYOUT, type LayoutNode, spiral, step } from './forceLayout.ts';

const distance = (a: LayoutNode, b: LayoutNode) => Math.hypot(a.x - b.x, a.y - b.y);

function settle(nodes: LayoutNode[], links: Parameters<typeof step>[1], steps = 300) {
  for (let i = 0; i < steps; i++) step(nodes, links, 1 - i / steps);
}

describe('force layout', () => {
  it('starts every node at its own place, the same way every time', () => {
    const first = spiral(50);
    const points = new Set(first.map((n) => `${n.x.toFixed(3)},${n.y.toFixed(3)}`));
    expect(points.size).toBe(50);
    expect(spiral(50)).toEqual(first);
  });

  it('pulls linked nodes closer than unlinked ones', () => {
    const nodes = spiral(6, 80);
    settle(nodes, [{ source: 0, target: 5, strength: 1 }]);

    const linked = distance(nodes[0]!, nodes[5]!);
    expect(linked).toBeLessThan(DEFAULT_LAYOUT.distance * 1.5);
    for (let i = 1; i < 5; i++) expect(distance(nodes[0]!, nodes[i]!)).toBeGreaterThan(linked);
  });

  it('pushes two nodes on one spot apart', () => {
    const nodes: LayoutNode[] = [
      { x: 0, y: 0, vx: 0, vy: 0 },
      { x: 0, y: 0, vx: 0, vy: 0 },
    ];
    settle(nodes, [], 50);

    expect(distance(nodes[0]!, nodes[1]!)).toBeGreaterThan(10);
  });

  it('leaves a pinned node where the drag put it', () => {
    const nodes = spiral(5);
    nodes[2]!.pinned = true;
    nodes[2]!.x = 500;
    nodes[2]!.y = -500;
    settle(nodes, [{ source: 1, target: 2, strength: 3 }], 100);

    expect(nodes[2]).toMatchObject({ x: 500, y: -500, vx: 0, vy: 0 });
  });

  it('comes to rest: moves shrink as it cools', () => {
    const nodes = spiral(40);
    const links = Array.from({ length: 39 }, (_, i) => ({ source: i, target: i + 1, strength: 1 }));
    const early = step(nodes, links, 1);
    settle(nodes, links);
    expect(step(nodes, links, 0.01)).toBeLessThan(early / 10);
    for (const node of nodes) expect(Number.isFinite(node.x + node.y)).toBe(true);
  });

  it('frames the nodes in their bounding box', () => {
    expect(
      bounds([
        { x: -3, y: 2, vx: 0, vy: 0 },
        { x: 5, y: -1, vx: 0, vy: 0 },
      ]),
    ).toEqual([-3, -1, 5, 2]);
    expect(bounds([])).toEqual([-1, -1, 1, 1]);
  });
});
