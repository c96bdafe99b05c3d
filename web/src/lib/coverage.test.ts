import { describe, expect, it } from 'vitest';
import {
  coverageByRepository,
  coverageView,
  type IndexStatus,
  statusRefetchInterval,
  textIndexView,
} from './coverage.ts';

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

describe('textIndexView', () => {
  it('says how much of the repository the text index still has to take, and that search is complete', () => {
    const view = textIndexView({ files: 7064, pending: 2000 });
    expect(view).toMatchObject({ badge: 'text index 71%', tone: 'warn', ready: false });
    expect(view?.detail).toContain('2,000 of 7,064 files still to index');
    expect(view?.detail).toContain('finds every match');
    expect(textIndexView({ files: 10, pending: 0 })).toMatchObject({
      badge: 'text index ready',
      ready: true,
    });
    expect(textIndexView(undefined)).toBeUndefined();
  });

  it('polls the status only while some repository has a backlog', () => {
    const status = (pending: number): IndexStatus => ({
      textIndexPending: pending,
      embeddingsEnabled: false,
      repositories: [
        {
          repository: 1,
          textIndex: { files: 5, pending },
          embeddings: { done: 0, total: 0, coreDone: 0, coreTotal: 0, chunksPerSecond: 0 },
          semanticReady: false,
        },
      ],
    });
    expect(statusRefetchInterval(status(3))).toBe(2000);
    expect(statusRefetchInterval(status(0))).toBe(false);
    expect(statusRefetchInterval(undefined)).toBe(false);
  });
});
