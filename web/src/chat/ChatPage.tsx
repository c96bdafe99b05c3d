import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../lib/api.ts';
import { atLeast } from '../lib/identity.ts';
import { chatKeys } from '../lib/queryKeys.ts';
import { chatUrl, navigate } from '../lib/router.ts';
import { usePageTitle } from '../lib/title.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { chronological } from './cache.ts';
import { chatApi, channelLabel, type Channel, type Message } from './chatApi.ts';
import { Composer } from './Composer.tsx';
import { Dialog } from './Dialog.tsx';
import type { ConnectionStatus } from './liveEvents.ts';
import { routeLinks } from './MessageBody.tsx';
import { MessageItem, type MessageContext } from './MessageItem.tsx';
import { useOrgPeople } from './people.ts';
import { Sidebar } from './Sidebar.tsx';
import { patchMessage, refreshMessage, useChatLive, type Typist } from './useChatLive.ts';
import { VirtualList } from './VirtualList.tsx';
import './chat.css';

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  return (
    <span
      className={`chat-connection chat-${status}`}
      role="status"
      aria-label={`Connection: ${STATUS_TEXT[status]}`}
    >
      <span aria-hidden="true">●</span> {STATUS_TEXT[status]}
    </span>
  );
}

function typingText(typists: readonly Typist[], names: ReadonlyMap<number, string>): string {
  const who = [...new Set(typists.map((t) => names.get(t.userId) ?? `user ${t.userId}`))];
  if (who.length === 0) return '';
  if (who.length === 1) return `${who[0]} is typing…`;
  if (who.length === 2) return `${who[0]} and ${who[1]} are typing…`;
  return 'Several people are typing…';
}

function MembersDialog({
  channel,
  ctx,
  online,
  onClose,
}: {
  channel: Channel;
  ctx: MessageContext;
  online: ReadonlySet<number>;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const members = useQuery({
    queryKey: chatKeys.members(channel.id),
    queryFn: ({ signal }) => chatApi.members(channel.id, signal),
  });
  const [pick, setPick] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inside = new Set(members.data?.map((m) => m.userId));
  const add = async () => {
    setError(null);
    try {
      const list = await chatApi.addMember(channel.id, Number(pick));
      client.setQueryData(chatKeys.members(channel.id), list);
      setPick('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog
      title={`Members of ${channel.kind === 'direct' ? 'this conversation' : channel.name}`}
      onClose={onClose}
    >
      <ul className="chat-members" aria-label="Members">
        {members.data?.map((m) => (
          <li key={m.userId}>
            <span className={online.has(m.userId) ? 'chat-online' : 'chat-away'} aria-hidden="true">
              ●
            </span>{' '}
            {m.displayName}
            <span className="visually-hidden">{online.has(m.userId) ? ' (online)' : ''}</span>
          </li>
        ))}
      </ul>
      {channel.kind !== 'direct' && (
        <div className="chat-add-member">
          <label htmlFor="chat-add-member">Add a member</label>
          <select id="chat-add-member" value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">Choose someone…</option>
            {ctx.people
              .filter((p) => !inside.has(p.userId))
              .map((p) => (
                <option key={p.userId} value={p.userId}>
                  {p.displayName}
                </option>
              ))}
          </select>
          <button type="button" disabled={!pick} onClick={() => void add()}>
            Add
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </Dialog>
  );
}

function ThreadPanel({
  root,
  channel,
  ctx,
  typists,
  onTyping,
}: {
  root: number;
  channel: Channel;
  ctx: MessageContext;
  typists: readonly Typist[];
  onTyping: (threadId?: number) => void;
}) {
  const client = useQueryClient();
  const rootMessage = useQuery({
    queryKey: chatKeys.message(root),
    queryFn: ({ signal }) => chatApi.message(root, signal),
  });
  const cachedRoot = chronological(client.getQueryData(chatKeys.messages(channel.id))).find(
    (m) => m.id === root,
  );
  const replies = useInfiniteQuery({
    queryKey: chatKeys.thread(root),
    queryFn: ({ pageParam, signal }) =>
      chatApi.messages({ threadId: root, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const list = chronological(replies.data);
  const shownRoot: Message | undefined = rootMessage.data ?? cachedRoot;
  const close = () => navigate(chatUrl(channel.id), { replace: false });
  return (
    <aside className="chat-thread" aria-label="Thread" onClick={routeLinks}>
      <div className="chat-thread-head">
        <h2>Thread</h2>
        <button type="button" onClick={close} aria-label="Close thread">
          ×
        </button>
      </div>
      {shownRoot && <MessageItem message={shownRoot} ctx={ctx} />}
      <p className="small muted">{list.length === 1 ? '1 reply' : `${list.length} replies`}</p>
      {replies.hasNextPage && (
        <button type="button" onClick={() => void replies.fetchNextPage()}>
          Earlier replies
        </button>
      )}
      <ol className="chat-replies-list" aria-label="Replies">
        {list.map((m) => (
          <li key={m.id}>
            <MessageItem message={m} ctx={ctx} />
          </li>
        ))}
      </ol>
      <p className="chat-typing small muted" aria-live="polite">
        {typingText(typists, ctx.names)}
      </p>
      <Composer
        label="Reply in thread"
        people={ctx.people}
        repos={ctx.repos}
        onTyping={() => onTyping(root)}
        onSend={async (body) => {
          const reply = await chatApi.post({ channelId: channel.id, threadId: root, body });
          patchMessage(client, reply);
          await client.invalidateQueries({ queryKey: chatKeys.thread(root) });
          await refreshMessage(client, channel.id, root);
        }}
      />
    </aside>
  );
}

function ChannelView({
  channel,
  ctx,
  focus,
  typists,
  online,
  status,
  onTyping,
}: {
  channel: Channel;
  ctx: MessageContext;
  focus: number | undefined;
  typists: readonly Typist[];
  online: ReadonlySet<number>;
  status: ConnectionStatus;
  onTyping: (threadId?: number) => void;
}) {
  const client = useQueryClient();
  const [members, setMembers] = useState(false);
  const messages = useInfiniteQuery({
    queryKey: chatKeys.messages(channel.id),
    queryFn: ({ pageParam, signal }) =>
      chatApi.messages({ channelId: channel.id, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    // Live events keep it current; refetching would reload every page scrolled through.
    staleTime: Infinity,
  });
  const list = useMemo(() => chronological(messages.data), [messages.data]);
  const byId = useMemo(() => new Map(list.map((m) => [m.id, m])), [list]);
  const ids = useMemo(() => list.map((m) => m.id), [list]);
  const label = channelLabel(channel, ctx.me, ctx.names);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = messages;
  const needOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Read markers: the newest message seen, sent once per message, never backwards.
  const readUpTo = useRef(channel.lastReadId ?? 0);
  const readSupported = useRef(true);
  const onBottomVisible = useCallback(
    (id: number) => {
      if (!channel.member || id <= readUpTo.current || !readSupported.current) return;
      readUpTo.current = id;
      chatApi
        .markRead(channel.id, id)
        .then(() => client.invalidateQueries({ queryKey: chatKeys.channels() }))
        .catch(() => {
          // A server without read markers yet: stop asking.
          readSupported.current = false;
        });
    },
    [channel.id, channel.member, client],
  );

  const join = async () => {
    await chatApi.addMember(channel.id);
    await client.invalidateQueries({ queryKey: chatKeys.channels() });
  };
  const openThread = useCallback(
    (root: number) => navigate(chatUrl(channel.id, { thread: root })),
    [channel.id],
  );

  return (
    <section className="chat-main" aria-label={`Channel ${label}`}>
      <header className="chat-head">
        <h1>{channel.kind === 'direct' ? label : `# ${label}`}</h1>
        {channel.kind === 'private' && <span className="badge">private</span>}
        {channel.topic && <p className="small muted chat-topic">{channel.topic}</p>}
        <span className="chat-head-actions">
          <ConnectionIndicator status={status} />
          <button type="button" onClick={() => setMembers(true)}>
            Members
          </button>
          {!channel.member && channel.kind === 'public' && (
            <button type="button" onClick={() => void join()}>
              Join channel
            </button>
          )}
        </span>
      </header>
      {messages.isError ? (
        <ErrorState error={messages.error} />
      ) : messages.isPending ? (
        <p role="status" className="muted chat-empty">
          Loading messages…
        </p>
      ) : list.length === 0 ? (
        <p className="muted chat-empty">No messages yet. Say hello.</p>
      ) : (
        <VirtualList
          ids={ids}
          label={`Messages in ${label}`}
          hasOlder={hasNextPage}
          loadingOlder={isFetchingNextPage}
          onNeedOlder={needOlder}
          focusId={focus}
          onBottomVisible={onBottomVisible}
          onClick={routeLinks}
          renderRow={(id) => {
            const message = byId.get(id);
            return message ? (
              <MessageItem
                message={message}
                ctx={ctx}
                onOpenThread={openThread}
                highlighted={id === focus}
              />
            ) : null;
          }}
        />
      )}
      <p className="chat-typing small muted" aria-live="polite">
        {typingText(typists, ctx.names)}
      </p>
      {channel.member || channel.kind === 'public' ? (
        <Composer
          label={`Message ${channel.kind === 'direct' ? label : `#${label}`}`}
          people={ctx.people}
          repos={ctx.repos}
          onTyping={() => onTyping()}
          onSend={async (body) => {
            const posted = await chatApi.post({ channelId: channel.id, body });
            patchMessage(client, posted, true);
          }}
        />
      ) : null}
      {members && (
        <MembersDialog
          channel={channel}
          ctx={ctx}
          online={online}
          onClose={() => setMembers(false)}
        />
      )}
    </section>
  );
}

/** The team chat: channels beside, the open channel's messages, and a thread when one is open. */
export default function ChatPage({
  channel: channelId,
  thread,
  message,
}: {
  channel: number | undefined;
  thread: number | undefined;
  message: number | undefined;
}) {
  const { me, people, names } = useOrgPeople();
  const org = me.data?.orgId;
  const [poll, setPoll] = useState(false);
  const channels = useQuery({
    queryKey: chatKeys.channels(),
    queryFn: ({ signal }) => chatApi.channels(signal),
    // Without channel events (an older server), new channels and counts show up by polling.
    refetchInterval: poll ? 20_000 : false,
  });
  const repos = useQuery({ queryKey: ['repos'], queryFn: ({ signal }) => api.repos(signal) });
  const list = useMemo(() => channels.data ?? [], [channels.data]);
  const current = list.find((c) => c.id === channelId);
  // The open channel first: it is always among the topics streamed.
  const streamed = useMemo(() => {
    const readable = list.filter((c) => c.member || c.id === channelId).map((c) => c.id);
    return channelId !== undefined && readable.includes(channelId)
      ? [channelId, ...readable.filter((id) => id !== channelId)]
      : readable;
  }, [list, channelId]);
  const live = useChatLive({ channelIds: streamed, orgId: org, userId: me.data?.id });
  const pollChannels = live.pollChannels;
  useEffect(() => setPoll(pollChannels), [pollChannels]);
  usePageTitle(current ? `${channelLabel(current, me.data?.id, names)} · Chat` : 'Chat');

  useEffect(() => {
    if (channelId === undefined && list.length > 0) {
      const first = list.find((c) => c.member) ?? list[0];
      if (first) navigate(chatUrl(first.id), { replace: true });
    }
  }, [channelId, list]);

  const ctx: MessageContext | undefined = useMemo(
    () =>
      me.data
        ? {
            me: me.data.id,
            isAdmin: atLeast(me.data.role, 'admin'),
            names,
            people,
            repos: repos.data ?? [],
          }
        : undefined,
    [me.data, names, people, repos.data],
  );
  const typingSupported = useRef(true);
  const onTyping = useCallback(
    (threadId?: number) => {
      if (channelId === undefined || !typingSupported.current) return;
      chatApi.typing(channelId, threadId).catch(() => {
        // A server without typing notices yet: stop sending them.
        typingSupported.current = false;
      });
    },
    [channelId],
  );

  if (channels.isError)
    return (
      <main className="page wrap">
        <ErrorState error={channels.error} />
      </main>
    );
  const typists = live.typists.filter((t) => t.channelId === channelId);
  return (
    <main className="chat">
      {ctx && (
        <Sidebar
          channels={list}
          current={channelId}
          me={ctx.me}
          names={names}
          people={people}
          online={live.online}
        />
      )}
      {ctx && current ? (
        <ChannelView
          key={current.id}
          channel={current}
          ctx={ctx}
          focus={message}
          typists={typists.filter((t) => t.threadId === null)}
          online={live.online}
          status={live.connection.status}
          onTyping={onTyping}
        />
      ) : (
        <section className="chat-main">
          <header className="chat-head">
            <h1>Chat</h1>
            <ConnectionIndicator status={live.connection.status} />
          </header>
          <p className="muted chat-empty">
            {channels.isPending
              ? 'Loading…'
              : channelId !== undefined
                ? 'This channel does not exist or you may not read it.'
                : 'No channels yet: make one with “New channel”.'}
          </p>
        </section>
      )}
      {ctx && current && thread !== undefined && (
        <ThreadPanel
          key={thread}
          root={thread}
          channel={current}
          ctx={ctx}
          typists={typists.filter((t) => t.threadId === thread)}
          onTyping={onTyping}
        />
      )}
    </main>
  );
}
