import type { InfiniteData } from '@tanstack/react-query';
import type { Message, MessagePage } from './chatApi.ts';

export type MessagePages = InfiniteData<MessagePage, unknown>;

/**
 * One message put into a cached list (pages newest first): replaced where it is, or, for a new
 * message, added on top of the newest page. A list that does not hold it is returned unchanged.
 */
export function upsertMessage(
  data: MessagePages | undefined,
  message: Message,
  append: boolean,
): MessagePages | undefined {
  // (Only lists of pages are patched; anything else under a patched key is left alone.)
  if (!data || !Array.isArray(data.pages)) return data;
  let found = false;
  const pages = data.pages.map((page) => {
    const index = page.messages.findIndex((m) => m.id === message.id);
    if (index < 0) return page;
    found = true;
    const messages = [...page.messages];
    messages[index] = message;
    return { ...page, messages };
  });
  if (found) return { ...data, pages };
  const first = data.pages[0];
  if (!append || !first) return data;
  // Only a message newer than what the list holds goes on top (a late event is not reordered).
  if (first.messages.length > 0 && (first.messages[0]?.id ?? 0) > message.id) return data;
  return {
    ...data,
    pages: [{ ...first, messages: [message, ...first.messages] }, ...data.pages.slice(1)],
  };
}

/** A message that is gone (deleted, 404 on fetch): it keeps its place without a body. */
export function markDeleted(data: MessagePages | undefined, id: number): MessagePages | undefined {
  if (!data || !Array.isArray(data.pages)) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      messages: page.messages.map((m) =>
        m.id === id
          ? {
              ...m,
              body: null,
              html: null,
              reactions: [],
              deletedAt: m.deletedAt ?? new Date().toISOString(),
            }
          : m,
      ),
    })),
  };
}

/** Every cached message, oldest first, as the list shows them. */
export function chronological(data: MessagePages | undefined): Message[] {
  if (!data) return [];
  const all: Message[] = [];
  for (let p = data.pages.length - 1; p >= 0; p--) {
    const page = data.pages[p]?.messages ?? [];
    for (let i = page.length - 1; i >= 0; i--) all.push(page[i] as Message);
  }
  // A message may appear twice when new ones pushed it onto the next page's boundary.
  const seen = new Set<number>();
  return all.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
}
