import { describe, expect, it } from 'vitest';
import { MAX_LABELS, placeLabels, type LabelCandidate } from './graphLabels.ts';

const node = (x: number, y: number, radius: number, name = 'File.java'): LabelCandidate => ({
  x,
  y,
  radius,
  name,
});

describe('placeLabels', () => {
  it('labels the biggest of two nodes whose labels would collide', () => {
    const chosen = placeLabels([node(0, 0, 5), node(2, 3, 12)], 1);
    expect([...chosen]).toEqual([1]);
  });

  it('labels both once zooming in has moved them apart on screen', () => {
    expect(placeLabels([node(0, 0, 5), node(0, 10, 6)], 1).size).toBe(1);
    expect(placeLabels([node(0, 0, 5), node(0, 10, 6)], 3).size).toBe(2);
  });

  it('keeps at most MAX_LABELS labels on a 150-node graph, biggest first', () => {
    const nodes = Array.from({ length: 150 }, (_, i) =>
      node((i % 15) * 400, Math.floor(i / 15) * 400, 4 + (i % 13)),
    );
    const chosen = placeLabels(nodes, 1);
    expect(chosen.size).toBe(MAX_LABELS);
    const smallest = Math.min(...[...chosen].map((i) => nodes[i]!.radius));
    const left = nodes.filter((_, i) => !chosen.has(i));
    expect(left.every((n) => n.radius <= smallest)).toBe(true);
  });

  it('always labels the hovered node and its neighbours', () => {
    const chosen = placeLabels([node(0, 0, 12), node(2, 3, 4)], 1, new Set([1]));
    expect(chosen.has(1)).toBe(true);
  });
});
