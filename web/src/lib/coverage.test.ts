import { describe, expect, it } from 'vitest';
import { coverageByRepository, coverageView, type IndexStatus } from './coverage.ts';

describe('coverageView', () => {
  it('says ready only when every chunk of code outside tests has a vector', () => {
    expect(coverageView(true, { done: 9, total: 10, coreDone: 6, coreTotal: 6 })).toMatchObject({
      badge: 'semantic ready',
      ready: true,
    });
    expect(coverageView(true, { done: 5, total: 10, coreDone: 5, coreTotal: 6 })).toMatchObject({
      badge: 'semantic 83%',
      ready: false,
    });
  });

  it('never says ready when embeddings are off or nothing is counted yet', () => {
    const complete = { done: 1, total: 1, coreDone: 1, coreTotal: 1 };
    expect(coverageView(false, complete)).toMatchObject({ badge: 'semantic off', ready: false });
    expect(coverageView(true, undefined)).toMatchObject({ ready: false });
    expect(coverageView(true, { done: 0, total: 0, coreDone: 0, coreTotal: 0 }).ready).toBe(false);
  });

  it('tells tests apart once the code is covered', () => {
    expect(coverageView(true, { done: 8, total: 10, coreDone: 6, coreTotal: 6 }).detail).toContain(
      'tests and test data 80%',
    );
  });
});

describe('coverageByRepository', () => {
  it('keeps each repository apart and lets a live event replace the fetched figures', () => {
    const status: IndexStatus = {
      textIndexPending: 0,
      embeddingsEnabled: true,
      repositories: [
        {
          repository: 1,
          embeddings: { done: 1, total: 4, coreDone: 1, coreTotal: 3, chunksPerSecond: 0 },
          semanticReady: false,
        },
        {
          repository: 2,
          embeddings: { done: 2, total: 2, coreDone: 2, coreTotal: 2, chunksPerSecond: 0 },
          semanticReady: true,
        },
      ],
    };
    const merged = coverageByRepository(status, {
      1: { done: 4, total: 4, coreDone: 3, coreTotal: 3 },
    });
    expect(merged[1]?.done).toBe(4);
    expect(merged[2]?.done).toBe(2);
  });
});
