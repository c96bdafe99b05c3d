/** A weighted item to lay out, and where it landed. */
export interface Weighted {
  key: string;
  value: number;
}

export interface Tile {
  key: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The worst aspect ratio of a row of areas laid along a side of length `side`. */
function worst(areas: number[], side: number): number {
  const sum = areas.reduce((a, b) => a + b, 0);
  const max = Math.max(...areas);
  const min = Math.min(...areas);
  const s2 = side * side;
  return Math.max((s2 * max) / (sum * sum), (sum * sum) / (s2 * min));
}

/**
 * Squarified treemap (Bruls, Huizing, van Wijk): tiles whose areas are proportional to the values,
 * kept close to square. Items without a positive value get no tile; the largest comes first.
 */
export function squarify(items: Weighted[], width: number, height: number): Tile[] {
  const positive = items.filter((i) => Number.isFinite(i.value) && i.value > 0);
  const total = positive.reduce((a, i) => a + i.value, 0);
  if (total <= 0 || width <= 0 || height <= 0) return [];
  const scale = (width * height) / total;
  const queue = [...positive]
    .sort((a, b) => b.value - a.value)
    .map((i) => ({ ...i, area: i.value * scale }));
  const tiles: Tile[] = [];
  let x = 0;
  let y = 0;
  let w = width;
  let h = height;
  while (queue.length > 0) {
    const side = Math.min(w, h);
    let count = 1;
    while (
      count < queue.length &&
      worst(
        queue.slice(0, count + 1).map((i) => i.area),
        side,
      ) <=
        worst(
          queue.slice(0, count).map((i) => i.area),
          side,
        )
    ) {
      count++;
    }
    const row = queue.splice(0, count);
    const sum = row.reduce((a, i) => a + i.area, 0);
    // The last row takes all the space left, so rounding never leaves a gap.
    const last = queue.length === 0;
    if (w >= h) {
      const columnWidth = last ? w : sum / h;
      let top = y;
      for (const item of row) {
        const tileHeight = (item.area / sum) * h;
        tiles.push({
          key: item.key,
          value: item.value,
          x,
          y: top,
          width: columnWidth,
          height: tileHeight,
        });
        top += tileHeight;
      }
      x += columnWidth;
      w -= columnWidth;
    } else {
      const rowHeight = last ? h : sum / w;
      let left = x;
      for (const item of row) {
        const tileWidth = (item.area / sum) * w;
        tiles.push({
          key: item.key,
          value: item.value,
          x: left,
          y,
          width: tileWidth,
          height: rowHeight,
        });
        left += tileWidth;
      }
      y += rowHeight;
      h -= rowHeight;
    }
  }
  return tiles;
}
