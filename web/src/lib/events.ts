import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Coverage } from './coverage.ts';
import { openEventStream } from './eventStream.ts';

/** Live progress of a branch's index run, from `index.progress` events. */
export interface Progress {
  done: number;
  total: number;
}

export interface LiveState {
  /** By `repo:branch`. */
  progress: Record<string, Progress>;
  /**
   * By repository id: chunks embedded, and the core ones (code outside tests) semantic search
   * needs, as the latest `embeddings.progress` event on the repository's topic said.
   */
  embeddings: Record<number, Coverage>;
  connected: boolean;
}

export function progressKey(repo: number, branch: string): string {
  return `${repo}:${branch}`;
}

interface Envelope {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Subscribes to `GET /api/events` for the repositories' topics: progress updates state directly;
 * completion and failure refresh the repository list (and everything read from the index).
 */
export function useRepoEvents(repoIds: readonly number[]): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({
    progress: {},
    embeddings: {},
    connected: false,
  });
  const topics = repoIds.map((id) => `repo:${id}`).join(',');

  useEffect(() => {
    if (!topics || typeof EventSource === 'undefined') return;
    const source = openEventStream(`/api/events?topic=${encodeURIComponent(topics)}`);
    const read = (event: MessageEvent<string>): Envelope | undefined => {
      try {
        return JSON.parse(event.data) as Envelope;
      } catch {
        return undefined;
      }
    };
    source.onopen = () => setState((s) => ({ ...s, connected: true }));
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    source.addEventListener('index.progress', (event) => {
      const envelope = read(event);
      if (!envelope) return;
      const { repository, branch, done, total } = envelope.payload;
      const key = progressKey(Number(repository), String(branch));
      setState((s) => ({
        ...s,
        progress: { ...s.progress, [key]: { done: Number(done), total: Number(total) } },
      }));
    });
    const finished = (event: MessageEvent<string>) => {
      const envelope = read(event);
      if (!envelope) return;
      const key = progressKey(Number(envelope.payload.repository), String(envelope.payload.branch));
      setState((s) => {
        const progress = { ...s.progress };
        delete progress[key];
        return { ...s, progress };
      });
      void client.invalidateQueries();
    };
    source.addEventListener('index.completed', finished);
    source.addEventListener('index.failed', finished);
    source.addEventListener('embeddings.progress', (event) => {
      const envelope = read(event);
      if (!envelope) return;
      const { repository, done, total, coreDone, coreTotal } = envelope.payload;
      // Events from before the per-repository payload carried no repository: not attributable.
      if (repository === undefined) return;
      setState((s) => ({
        ...s,
        embeddings: {
          ...s.embeddings,
          [Number(repository)]: {
            done: Number(done),
            total: Number(total),
            coreDone: Number(coreDone ?? done),
            coreTotal: Number(coreTotal ?? total),
          },
        },
      }));
    });
    return () => source.close();
  }, [topics, client]);

  return state;
}
