import { chatKeys } from '../lib/queryKeys.ts';

/** One event of the stream: `ts` is the envelope's time (older servers call it `at`). */
export interface Envelope {
  id?: number | string;
  type: string;
  orgId?: number;
  topic?: string;
  payload: Record<string, unknown>;
  ts?: string;
}

export function parseEnvelope(data: string): Envelope | undefined {
  try {
    const raw = JSON.parse(data) as Partial<Envelope> & { at?: string };
    if (!raw || typeof raw.type !== 'string') return undefined;
    const ts = raw.ts ?? raw.at;
    return { ...raw, type: raw.type, payload: raw.payload ?? {}, ...(ts ? { ts } : {}) };
  } catch {
    return undefined;
  }
}

/** What the app does about one event: every action names the one thing that changed. */
export type LiveAction =
  | { kind: 'invalidate'; key: readonly unknown[] }
  /** Fetch one message again and put it where it is cached (a channel's list, its thread). */
  | { kind: 'refresh'; channelId: number; messageId: number; append: boolean }
  | { kind: 'typing'; channelId: number; userId: number; threadId: number | null }
  | { kind: 'presence'; userId: number; online: boolean };

function num(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The channel of an event: its payload's `channelId`, or the `channel:ID` topic it came on. */
function channelOf(event: Envelope): number | null {
  const fromPayload = num(event.payload.channelId);
  if (fromPayload !== null) return fromPayload;
  const topic = /^channel:(\d+)$/.exec(event.topic ?? '');
  return topic ? Number(topic[1]) : null;
}

/** Maps an event to the cache entries it changes, and nothing else. */
export function actionsFor(event: Envelope): LiveAction[] {
  const p = event.payload;
  const channelId = channelOf(event);
  const messageId = num(p.messageId ?? p.id);
  const threadId = num(p.threadId);
  switch (event.type) {
    case 'newMessage':
    case 'messageEdited':
    case 'messageDeleted': {
      if (channelId === null || messageId === null) return [];
      const actions: LiveAction[] = [];
      if (threadId !== null) {
        actions.push({ kind: 'invalidate', key: chatKeys.thread(threadId) });
        // The root shows the reply count and the latest reply.
        if (event.type !== 'messageEdited')
          actions.push({ kind: 'refresh', channelId, messageId: threadId, append: false });
        else actions.push({ kind: 'refresh', channelId, messageId, append: false });
      } else {
        actions.push({
          kind: 'refresh',
          channelId,
          messageId,
          append: event.type === 'newMessage',
        });
      }
      if (event.type === 'messageEdited')
        actions.push({ kind: 'invalidate', key: chatKeys.versions(messageId) });
      // Unread counts move with new and deleted messages.
      if (event.type !== 'messageEdited')
        actions.push({ kind: 'invalidate', key: chatKeys.channels() });
      return actions;
    }
    case 'reactionAdded':
    case 'reactionRemoved':
      return channelId === null || messageId === null
        ? []
        : [{ kind: 'refresh', channelId, messageId, append: false }];
    case 'typing': {
      const userId = num(p.userId);
      return channelId === null || userId === null
        ? []
        : [{ kind: 'typing', channelId, userId, threadId }];
    }
    case 'channelCreated':
    case 'channelUpdated':
    case 'channelDeleted':
    case 'mention':
    case 'readMarker':
      return [{ kind: 'invalidate', key: chatKeys.channels() }];
    case 'presence': {
      const userId = num(p.userId);
      return userId === null ? [] : [{ kind: 'presence', userId, online: p.status === 'online' }];
    }
    default:
      return [];
  }
}

/** The connection as the person sees it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface Connection {
  status: ConnectionStatus;
  /** Failed attempts since the last open: the next retry waits longer. */
  attempts: number;
}

export type ConnectionSignal = 'open' | 'error' | 'stale' | 'offline' | 'online';

export const INITIAL_CONNECTION: Connection = { status: 'connecting', attempts: 0 };

/** The connection's state machine: it always heads back to `connected` by itself. */
export function nextConnection(state: Connection, signal: ConnectionSignal): Connection {
  switch (signal) {
    case 'open':
      return { status: 'connected', attempts: 0 };
    case 'error':
    case 'stale':
      if (state.status === 'offline') return state;
      return { status: 'reconnecting', attempts: state.attempts + 1 };
    case 'offline':
      return { status: 'offline', attempts: state.attempts };
    case 'online':
      return state.status === 'offline' ? { status: 'reconnecting', attempts: 0 } : state;
  }
}

/** Exponential backoff with jitter, 1 s to 30 s; `random` is injectable for tests. */
export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}
