import { describe, expect, it } from 'vitest';
import type { Message } from './chatApi.ts';
import { chronological, markDeleted, upsertMessage, type MessagePages } from './cache.ts';

const message = (id: number, body = `m${id}`): Message => ({
  id,
  channelId: 1,
  threadId: null,
  authorId: 1,
  authorType: 'user',
  body,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  editedAt: null,
  deletedAt: null,
  replyCount: 0,
  lastReplyAt: null,
  reactions: [],
});

const pages = (...lists: number[][]): MessagePages => ({
  pages: lists.map((ids) => ({ messages: ids.map((id) => message(id)), nextBefore: null })),
  pageParams: lists.map(() => undefined),
});

describe('the message cache', () => {
  it('lists pages newest first as one oldest-first list without duplicates', () => {
    expect(chronological(pages([5, 4], [4, 3, 2])).map((m) => m.id)).toEqual([2, 3, 4, 5]);
  });

  it('replaces an edited message where it is', () => {
    const next = upsertMessage(pages([5, 4], [3]), message(3, 'edited'), false);
    expect(chronological(next).map((m) => m.body)).toEqual(['edited', 'm4', 'm5']);
  });

  it('adds a new message on top, once, and not an older one it does not hold', () => {
    const once = upsertMessage(pages([5, 4]), message(6), true);
    expect(chronological(upsertMessage(once, message(6), true)).map((m) => m.id)).toEqual([
      4, 5, 6,
    ]);
    expect(upsertMessage(pages([5, 4]), message(1), true)).toEqual(pages([5, 4]));
    expect(upsertMessage(pages([5, 4]), message(6), false)).toEqual(pages([5, 4]));
  });

  it('leaves what is not a list of pages alone', () => {
    const single = message(3) as unknown as MessagePages;
    expect(upsertMessage(single, message(3, 'x'), false)).toBe(single);
    expect(markDeleted(single, 3)).toBe(single);
  });

  it('keeps a deleted message in place without its body', () => {
    const [, gone] = chronological(markDeleted(pages([5, 4]), 5));
    expect(gone?.body).toBeNull();
    expect(gone?.deletedAt).not.toBeNull();
  });
});
