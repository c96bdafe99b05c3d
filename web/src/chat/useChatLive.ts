import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api.ts';
import { chatKeys } from '../lib/queryKeys.ts';
import { markDeleted, upsertMessage, type MessagePages } from './cache.ts';
import { chatApi, type Message } from './chatApi.ts';
import { actionsFor, INITIAL_CONNECTION, type Connection } from './liveEvents.ts';
import { LiveStream } from './liveStream.ts';

/** Someone typing in a channel (or one of its threads), until `until`. */
export interface Typist {
  channelId: number;
  threadId: number | null;
  userId: number;
  until: number;
}

const TYPING_MS = 6_000;
/** The server takes at most 32 topics per stream: the org's, the user's and 30 channels. */
const MAX_CHANNELS = 30;

/** Puts a message, as the server answered it, wherever it is cached. */
export function patchMessage(client: QueryClient, message: Message, append = false): void {
  const update = (data: MessagePages | undefined) =>
    upsertMessage(data, message, append && message.threadId === null);
  client.setQueryData<MessagePages>(chatKeys.messages(message.channelId), update);
  client.setQueriesData<MessagePages>({ queryKey: chatKeys.threads() }, (data) =>
    upsertMessage(data, message, false),
  );
  // A thread's root, shown above its replies.
  if (client.getQueryData(chatKeys.message(message.id)))
    client.setQueryData(chatKeys.message(message.id), message);
}

/** Fetches one message again and patches it in; one that is gone is marked deleted. */
export async function refreshMessage(
  client: QueryClient,
  channelId: number,
  messageId: number,
  append = false,
): Promise<void> {
  try {
    patchMessage(client, await chatApi.message(messageId), append);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) return;
    const gone = (data: MessagePages | undefined) => markDeleted(data, messageId);
    client.setQueryData<MessagePages>(chatKeys.messages(channelId), gone);
    client.setQueriesData<MessagePages>({ queryKey: chatKeys.threads() }, gone);
  }
}

/**
 * The chat's live stream: the channels' topics (the open one first), the org's and the user's.
 * Each event touches only what it changed (see actionsFor); typing and presence are state here.
 */
export function useChatLive({
  channelIds,
  orgId,
  userId,
}: {
  channelIds: readonly number[];
  orgId: number | undefined;
  userId: number | undefined;
}): {
  connection: Connection;
  typists: Typist[];
  online: ReadonlySet<number>;
  /** No channel events reach this client (an older server): the channel list must be polled. */
  pollChannels: boolean;
} {
  const client = useQueryClient();
  const [connection, setConnection] = useState<Connection>(INITIAL_CONNECTION);
  const [typists, setTypists] = useState<Typist[]>([]);
  const [presence, setPresence] = useState<Map<number, boolean>>(new Map());
  const [pollChannels, setPollChannels] = useState(false);
  const lastEventId = useRef<string | null>(null);
  const topics = channelIds.slice(0, MAX_CHANNELS).map((id) => `channel:${id}`);
  const topicsKey = topics.join(',');
  const ready = orgId !== undefined && userId !== undefined;

  const snapshot = useQuery({
    queryKey: chatKeys.presence(),
    queryFn: ({ signal }) => chatApi.presence(signal),
    retry: false,
    staleTime: 60_000,
    enabled: ready,
  });

  useEffect(() => {
    if (!ready || typeof window === 'undefined') return;
    const stream = new LiveStream({
      topics: topicsKey ? topicsKey.split(',') : [],
      optionalTopics: [`org:${orgId}`, `user:${userId}`],
      lastEventId: lastEventId.current,
      onConnection: (next) => {
        // Back after a drop: counts may have moved beyond what the replay window holds.
        if (next.status === 'connected' && lastEventId.current !== null)
          void client.invalidateQueries({ queryKey: chatKeys.channels() });
        setConnection(next);
      },
      onRefused: () => void client.invalidateQueries({ queryKey: chatKeys.channels() }),
      onOptionalDropped: () => setPollChannels(true),
      onEvent: (event, id) => {
        if (id) lastEventId.current = id;
        for (const action of actionsFor(event)) {
          switch (action.kind) {
            case 'invalidate':
              void client.invalidateQueries({ queryKey: action.key });
              break;
            case 'refresh':
              void refreshMessage(client, action.channelId, action.messageId, action.append);
              break;
            case 'typing':
              if (action.userId === userId) break;
              setTypists((list) => [
                ...list.filter(
                  (t) => !(t.channelId === action.channelId && t.userId === action.userId),
                ),
                { ...action, until: Date.now() + TYPING_MS },
              ]);
              break;
            case 'presence':
              setPresence((map) => new Map(map).set(action.userId, action.online));
              break;
          }
        }
        // A message from someone ends their typing.
        if (event.type === 'newMessage')
          setTypists((list) => list.filter((t) => t.userId !== Number(event.payload.authorId)));
      },
    });
    return () => {
      lastEventId.current = stream.lastEventId;
      stream.close();
    };
  }, [ready, topicsKey, orgId, userId, client]);

  useEffect(() => {
    if (typists.length === 0) return;
    const timer = setInterval(
      () => setTypists((list) => list.filter((t) => t.until > Date.now())),
      1_000,
    );
    return () => clearInterval(timer);
  }, [typists.length]);

  const online = new Set(snapshot.data?.online ?? []);
  for (const [id, isOnline] of presence) {
    if (isOnline) online.add(id);
    else online.delete(id);
  }
  return { connection, typists, online, pollChannels };
}
