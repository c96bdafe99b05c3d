import { getJson, sendJson } from '../lib/api.ts';

export type ChannelKind = 'public' | 'private' | 'direct';

export interface Channel {
  id: number;
  orgId: number;
  projectId: number | null;
  /** A direct conversation's name is `dm:` and its people's ids. */
  name: string;
  kind: ChannelKind;
  topic: string;
  createdBy: number;
  createdAt: string;
  archivedAt: string | null;
  /** Whether the caller is a member (a public channel may be read without joining). */
  member: boolean;
  unreadCount?: number;
  mentionCount?: number;
  lastReadId?: number | null;
  lastMessageAt?: string | null;
}

export interface ChannelMember {
  userId: number;
  displayName: string;
  joinedAt: string;
}

export interface Reaction {
  emoji: string;
  count: number;
  userIds: number[];
}

export interface Message {
  id: number;
  channelId: number;
  threadId: number | null;
  authorId: number;
  authorType: 'user' | 'agent' | string;
  authorName?: string;
  /** Null once deleted. */
  body: string | null;
  /** Sanitised HTML of the Markdown body, rendered by the server (when it sends it). */
  html?: string | null;
  version: number;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  replyCount: number;
  lastReplyAt: string | null;
  reactions: Reaction[];
}

export interface MessagePage {
  messages: Message[];
  nextBefore: number | null;
}

export interface MessageVersion {
  version: number;
  body: string;
  createdAt: string;
  replacedAt: string;
}

export interface MessageHit {
  messageId: number;
  channelId: number;
  channelName: string;
  threadId: number | null;
  authorId: number;
  authorType: string;
  createdAt: string;
  wholeWords: boolean;
  /** HTML-escaped text with the found words in `<mark>`. */
  snippet: string;
}

export interface MessageSearchParams {
  q: string;
  channelId?: string;
  authorId?: string;
  from?: string;
  to?: string;
  hasCode?: string;
}

/** Messages per page: a screenful or two; older ones load as the person scrolls up. */
export const PAGE_SIZE = 100;

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const chatApi = {
  channels: (signal?: AbortSignal) => getJson<Channel[]>('/api/channels', signal),
  createChannel: (body: {
    name?: string;
    kind: ChannelKind;
    topic?: string;
    memberIds?: number[];
  }) => sendJson<Channel>('POST', '/api/channels', body) as Promise<Channel>,
  updateChannel: (id: number, body: { name?: string; topic?: string; archived?: boolean }) =>
    sendJson<Channel>('PATCH', `/api/channels/${id}`, body),
  members: (id: number, signal?: AbortSignal) =>
    getJson<ChannelMember[]>(`/api/channels/${id}/members`, signal),
  addMember: (id: number, userId?: number) =>
    sendJson<ChannelMember[]>('POST', `/api/channels/${id}/members`, userId ? { userId } : {}),
  removeMember: (id: number, userId: number) =>
    sendJson<void>('DELETE', `/api/channels/${id}/members/${userId}`),
  messages: (
    params: {
      channelId?: number | undefined;
      threadId?: number | undefined;
      before?: number | undefined;
      limit?: number;
    },
    signal?: AbortSignal,
  ) => getJson<MessagePage>(`/api/messages${query({ limit: PAGE_SIZE, ...params })}`, signal),
  message: (id: number, signal?: AbortSignal) => getJson<Message>(`/api/messages/${id}`, signal),
  post: (body: { channelId: number; threadId?: number; body: string }) =>
    sendJson<Message>('POST', '/api/messages', body) as Promise<Message>,
  edit: (id: number, body: string) =>
    sendJson<Message>('PATCH', `/api/messages/${id}`, { body }) as Promise<Message>,
  remove: (id: number) => sendJson<void>('DELETE', `/api/messages/${id}`),
  versions: (id: number, signal?: AbortSignal) =>
    getJson<MessageVersion[]>(`/api/messages/${id}/versions`, signal),
  react: (id: number, emoji: string) =>
    sendJson<Message>('POST', `/api/messages/${id}/reactions/${encodeURIComponent(emoji)}`),
  unreact: (id: number, emoji: string) =>
    sendJson<void>('DELETE', `/api/messages/${id}/reactions/${encodeURIComponent(emoji)}`),
  markRead: (channelId: number, messageId: number) =>
    sendJson<void>('PUT', `/api/channels/${channelId}/read`, { messageId }),
  typing: (channelId: number, threadId?: number) =>
    sendJson<void>('POST', `/api/channels/${channelId}/typing`, threadId ? { threadId } : {}),
  presence: (signal?: AbortSignal) => getJson<{ online: number[] }>('/api/presence', signal),
  search: (params: MessageSearchParams, signal?: AbortSignal) =>
    getJson<{ hits: MessageHit[] }>(`/api/search${query({ ...params, limit: 50 })}`, signal),
};

/** A channel's name as the sidebar shows it: `#name`, or a direct conversation's other people. */
export function channelLabel(
  channel: Pick<Channel, 'name' | 'kind'>,
  me: number | undefined,
  names: ReadonlyMap<number, string>,
): string {
  if (channel.kind !== 'direct') return channel.name;
  const ids = channel.name
    .replace(/^dm:/, '')
    .split(',')
    .map(Number)
    .filter((id) => id !== me);
  if (ids.length === 0) return names.get(me ?? -1) ?? 'yourself';
  return ids.map((id) => names.get(id) ?? `user ${id}`).join(', ');
}

/** Splits a search snippet (escaped text with `<mark>`) into text pieces, marked or not. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, '&');
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of snippet.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: unescape(piece), marked });
  }
  return parts;
}

/** "just now", "5 min ago", "3 h ago", then the date. */
export function relativeTime(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  if (seconds < 7 * 86_400) return `${Math.round(seconds / 86_400)} d ago`;
  return new Date(then).toLocaleDateString();
}
