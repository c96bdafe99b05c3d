import { describe, expect, it } from 'vitest';
import { chatKeys } from '../lib/queryKeys.ts';
import {
  actionsFor,
  INITIAL_CONNECTION,
  nextConnection,
  parseEnvelope,
  retryDelay,
  type Connection,
  type ConnectionSignal,
} from './liveEvents.ts';

const event = (type: string, payload: Record<string, unknown>, topic = 'channel:5') => ({
  type,
  topic,
  payload,
});

describe('parseEnvelope', () => {
  it('accepts ts and the older at', () => {
    expect(parseEnvelope('{"type":"x","payload":{},"ts":"T"}')?.ts).toBe('T');
    expect(parseEnvelope('{"type":"x","payload":{},"at":"A"}')?.ts).toBe('A');
  });

  it('reads a heartbeat without payload and refuses what is not an envelope', () => {
    expect(parseEnvelope('{"type":"heartbeat"}')).toEqual({ type: 'heartbeat', payload: {} });
    expect(parseEnvelope('nope')).toBeUndefined();
    expect(parseEnvelope('{"payload":{}}')).toBeUndefined();
  });
});

describe('actionsFor', () => {
  it('appends a new root message to its channel and refreshes the counts, nothing else', () => {
    expect(actionsFor(event('newMessage', { channelId: 5, messageId: 9 }))).toEqual([
      { kind: 'refresh', channelId: 5, messageId: 9, append: true },
      { kind: 'invalidate', key: chatKeys.channels() },
    ]);
  });

  it('refreshes a thread and its root (reply count) for a reply', () => {
    expect(actionsFor(event('newMessage', { channelId: 5, messageId: 9, threadId: 3 }))).toEqual([
      { kind: 'invalidate', key: chatKeys.thread(3) },
      { kind: 'refresh', channelId: 5, messageId: 3, append: false },
      { kind: 'invalidate', key: chatKeys.channels() },
    ]);
  });

  it('takes the channel from the topic when the payload has none (edits)', () => {
    expect(actionsFor(event('messageEdited', { messageId: 9, version: 2 }, 'channel:7'))).toEqual([
      { kind: 'refresh', channelId: 7, messageId: 9, append: false },
      { kind: 'invalidate', key: chatKeys.versions(9) },
    ]);
  });

  it('refreshes one message for a reaction', () => {
    expect(actionsFor(event('reactionAdded', { messageId: 9, emoji: '👍', userId: 1 }))).toEqual([
      { kind: 'refresh', channelId: 5, messageId: 9, append: false },
    ]);
  });

  it('reports typing and presence, and channel changes only touch the channel list', () => {
    expect(actionsFor(event('typing', { userId: 2 }))).toEqual([
      { kind: 'typing', channelId: 5, userId: 2, threadId: null },
    ]);
    expect(actionsFor(event('presence', { userId: 2, status: 'online' }, 'org:1'))).toEqual([
      { kind: 'presence', userId: 2, online: true },
    ]);
    for (const type of [
      'channelCreated',
      'channelUpdated',
      'channelDeleted',
      'readMarker',
      'mention',
    ])
      expect(actionsFor(event(type, { channelId: 5 }, 'user:2'))).toEqual([
        { kind: 'invalidate', key: chatKeys.channels() },
      ]);
  });

  it('ignores heartbeats, unknown types and payloads without ids', () => {
    expect(actionsFor(event('heartbeat', {}))).toEqual([]);
    expect(actionsFor(event('index.progress', { repository: 1 }))).toEqual([]);
    expect(actionsFor(event('newMessage', {}, 'org:1'))).toEqual([]);
  });
});

describe('the connection state machine', () => {
  const run = (...signals: ConnectionSignal[]): Connection =>
    signals.reduce(nextConnection, INITIAL_CONNECTION);

  it('connects, drops to reconnecting and recovers by itself', () => {
    expect(run('open')).toEqual({ status: 'connected', attempts: 0 });
    expect(run('open', 'error')).toEqual({ status: 'reconnecting', attempts: 1 });
    expect(run('open', 'stale', 'error')).toEqual({ status: 'reconnecting', attempts: 2 });
    expect(run('open', 'error', 'error', 'open')).toEqual({ status: 'connected', attempts: 0 });
  });

  it('is offline while the browser is, and reconnects when it is back', () => {
    expect(run('open', 'offline')).toEqual({ status: 'offline', attempts: 0 });
    expect(run('open', 'offline', 'error').status).toBe('offline');
    expect(run('open', 'offline', 'online')).toEqual({ status: 'reconnecting', attempts: 0 });
    expect(run('open', 'online').status).toBe('connected');
  });

  it('backs off exponentially up to 30 s', () => {
    const mid = () => 0.5;
    expect(retryDelay(1, mid)).toBe(1_000);
    expect(retryDelay(3, mid)).toBe(4_000);
    expect(retryDelay(20, mid)).toBe(30_000);
    expect(retryDelay(1, () => 0)).toBe(750);
  });
});
