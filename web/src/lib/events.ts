import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** Live progress of a branch's index run, from `index.progress` events. */
export interface Progress {
  done: number;
  total: number;
}

export interface LiveState {
  /** By `repo:branch`. */
  progress: Record<string, Progress>;
  /** Org-wide: chunks embedded, and the core ones (code outside tests) semantic search needs. */
  embeddings: { done: number; total: number; coreDone: number; coreTotal: number } | undefined;
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
    embeddings: undefined,
    connected: false,
  });
  const topics = repoIds.map((id) => `repo:${id}`).join(',');

  useEffect(() => {
    if (!topics || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/events?topic=${encodeURIComponent(topics)}`);
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
      setState((s) => ({
        ...s,
        embeddings: {
          done: Number(envelope.payload.done),
          total: Number(envelope.payload.total),
          coreDone: Number(envelope.payload.coreDone ?? envelope.payload.done),
          coreTotal: Number(envelope.payload.coreTotal ?? envelope.payload.total),
        },
      }));
    });
    return () => source.close();
  }, [topics, client]);

  return state;
}
