import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RepositoryInfo } from '../lib/api.ts';
import { chatKeys } from '../lib/queryKeys.ts';
import { chatApi, relativeTime, type Message } from './chatApi.ts';
import { Composer, type Person } from './Composer.tsx';
import { Dialog } from './Dialog.tsx';
import { MessageBody } from './MessageBody.tsx';
import { parseBody } from './tokens.ts';
import { patchMessage, refreshMessage } from './useChatLive.ts';

/** The reactions offered by the picker; any other emoji a message already has can be toggled. */
export const QUICK_REACTIONS = ['👍', '❤️', '😄', '🎉', '👀', '🚀'];

export interface MessageContext {
  me: number;
  isAdmin: boolean;
  names: ReadonlyMap<number, string>;
  people: readonly Person[];
  repos: readonly RepositoryInfo[];
}

function plainText(body: string, names: ReadonlyMap<number, string>): string {
  return parseBody(body)
    .map((p) =>
      p.kind === 'text'
        ? p.text
        : p.kind === 'mention'
          ? `@${names.get(p.userId) ?? p.userId}`
          : p.label,
    )
    .join('');
}

function VersionsDialog({
  message,
  ctx,
  onClose,
}: {
  message: Message;
  ctx: MessageContext;
  onClose: () => void;
}) {
  const versions = useQuery({
    queryKey: chatKeys.versions(message.id),
    queryFn: ({ signal }) => chatApi.versions(message.id, signal),
  });
  return (
    <Dialog title="Edit history" onClose={onClose}>
      {versions.isPending && <p role="status">Loading…</p>}
      {versions.isError && <p role="alert">{versions.error.message}</p>}
      <ol className="chat-versions" aria-label="Versions, oldest first">
        {versions.data?.map((v) => (
          <li key={v.version}>
            <div className="small muted">
              Version {v.version}, {new Date(v.createdAt).toLocaleString()}
            </div>
            <p className="chat-plain">{plainText(v.body, ctx.names)}</p>
          </li>
        ))}
        {message.body !== null && (
          <li>
            <div className="small muted">
              Version {message.version} (current)
              {message.editedAt ? `, ${new Date(message.editedAt).toLocaleString()}` : ''}
            </div>
            <p className="chat-plain">{plainText(message.body, ctx.names)}</p>
          </li>
        )}
      </ol>
    </Dialog>
  );
}

/** One message: author (and the agent badge), time, body, edited marker, reactions, actions. */
export function MessageItem({
  message,
  ctx,
  onOpenThread,
  highlighted = false,
}: {
  message: Message;
  ctx: MessageContext;
  /** Root messages of a channel open their thread; replies have none. */
  onOpenThread?: (root: number) => void;
  highlighted?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  const author =
    message.authorName ?? ctx.names.get(message.authorId) ?? `user ${message.authorId}`;
  const deleted = message.deletedAt !== null || message.body === null;
  const mine = message.authorId === ctx.me;
  const when = new Date(message.createdAt);

  const toggle = async (emoji: string) => {
    setPicking(false);
    setError(null);
    const existing = message.reactions.find((r) => r.emoji === emoji);
    try {
      if (existing?.userIds.includes(ctx.me)) {
        await chatApi.unreact(message.id, emoji);
        await refreshMessage(client, message.channelId, message.id);
      } else {
        const updated = await chatApi.react(message.id, emoji);
        if (updated) patchMessage(client, updated);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = async () => {
    if (!window.confirm('Delete this message?')) return;
    try {
      await chatApi.remove(message.id);
      await refreshMessage(client, message.channelId, message.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <article
      className={`chat-message${highlighted ? ' chat-highlight' : ''}`}
      aria-label={`${author}, ${relativeTime(message.createdAt)}`}
      data-message={message.id}
    >
      <header className="chat-meta">
        <strong className="chat-author">{author}</strong>
        {message.authorType === 'agent' && <span className="badge chat-agent">agent</span>}
        <time dateTime={message.createdAt} title={when.toLocaleString()} className="small muted">
          {relativeTime(message.createdAt)}
        </time>
        {message.editedAt && !deleted && (
          <button
            type="button"
            className="link-button small muted"
            onClick={() => setHistory(true)}
          >
            (edited)
          </button>
        )}
      </header>
      {editing && message.body !== null ? (
        <Composer
          label="Edit message"
          initial={message.body}
          people={ctx.people}
          repos={ctx.repos}
          submitLabel="Save"
          onCancel={() => setEditing(false)}
          onSend={async (text) => {
            patchMessage(client, await chatApi.edit(message.id, text));
            setEditing(false);
          }}
        />
      ) : (
        <MessageBody message={message} names={ctx.names} repos={ctx.repos} />
      )}
      {!deleted && (
        <div className="chat-reactions">
          {message.reactions.map((r) => {
            const reacted = r.userIds.includes(ctx.me);
            return (
              <button
                key={r.emoji}
                type="button"
                className="chat-reaction"
                aria-pressed={reacted}
                aria-label={`${r.emoji} ${r.count}, ${reacted ? 'take back your reaction' : 'react'}`}
                title={r.userIds.map((id) => ctx.names.get(id) ?? id).join(', ')}
                onClick={() => void toggle(r.emoji)}
              >
                {r.emoji} {r.count}
              </button>
            );
          })}
          <span className="chat-actions">
            <button
              type="button"
              className="link-button small"
              aria-expanded={picking}
              aria-label="Add reaction"
              onClick={() => setPicking((p) => !p)}
            >
              ☺+
            </button>
            {picking && (
              <span role="group" aria-label="Reactions" className="chat-picker">
                {QUICK_REACTIONS.map((emoji) => (
                  <button
                    key={emoji}
                    type="button"
                    aria-label={`React with ${emoji}`}
                    onClick={() => void toggle(emoji)}
                  >
                    {emoji}
                  </button>
                ))}
              </span>
            )}
            {onOpenThread && message.threadId === null && (
              <button
                type="button"
                className="link-button small"
                onClick={() => onOpenThread(message.id)}
              >
                Reply in thread
              </button>
            )}
            {mine && !editing && (
              <button type="button" className="link-button small" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
            {(mine || ctx.isAdmin) && (
              <button type="button" className="link-button small" onClick={() => void remove()}>
                Delete
              </button>
            )}
          </span>
        </div>
      )}
      {onOpenThread && message.threadId === null && message.replyCount > 0 && (
        <button
          type="button"
          className="chat-replies link-button"
          onClick={() => onOpenThread(message.id)}
        >
          {message.replyCount === 1 ? '1 reply' : `${message.replyCount} replies`}
          {message.lastReplyAt && (
            <span className="small muted"> · last {relativeTime(message.lastReplyAt)}</span>
          )}
        </button>
      )}
      {error && (
        <p role="alert" className="small error">
          {error}
        </p>
      )}
      {history && <VersionsDialog message={message} ctx={ctx} onClose={() => setHistory(false)} />}
    </article>
  );
}
