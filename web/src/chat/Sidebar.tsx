import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from '../components/Link.tsx';
import { chatKeys } from '../lib/queryKeys.ts';
import { chatUrl, navigate } from '../lib/router.ts';
import { chatApi, channelLabel, type Channel, type ChannelKind } from './chatApi.ts';
import type { Person } from './Composer.tsx';
import { Dialog } from './Dialog.tsx';

/** Checkboxes of the org's other people (named `member`), and the problem of the last try. */
function PeopleChoice({
  legend,
  people,
  me,
  error,
}: {
  legend: string;
  people: readonly Person[];
  me: number;
  error: string | null;
}) {
  return (
    <>
      <fieldset>
        <legend>{legend}</legend>
        {people
          .filter((p) => p.userId !== me)
          .map((p) => (
            <label key={p.userId}>
              <input type="checkbox" name="member" value={p.userId} /> {p.displayName}
            </label>
          ))}
      </fieldset>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </>
  );
}

function CreateChannelDialog({
  people,
  me,
  onClose,
}: {
  people: readonly Person[];
  me: number;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<ChannelKind>('public');
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const memberIds = data.getAll('member').map(Number);
    try {
      const channel = await chatApi.createChannel({
        name: String(data.get('name') ?? '').trim(),
        kind,
        topic: String(data.get('topic') ?? '').trim(),
        memberIds,
      });
      await client.invalidateQueries({ queryKey: chatKeys.channels() });
      onClose();
      navigate(chatUrl(channel.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog title="New channel" onClose={onClose}>
      <form className="chat-form" onSubmit={(e) => void submit(e)}>
        <label>
          Name
          <input name="name" required autoFocus maxLength={80} />
        </label>
        <label>
          Topic
          <input name="topic" maxLength={250} />
        </label>
        <fieldset>
          <legend>Who may read it</legend>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'public'}
              onChange={() => setKind('public')}
            />{' '}
            Public: anyone in the organization
          </label>
          <label>
            <input
              type="radio"
              name="kind"
              checked={kind === 'private'}
              onChange={() => setKind('private')}
            />{' '}
            Private: its members only
          </label>
        </fieldset>
        <PeopleChoice legend="Add members" people={people} me={me} error={error} />
        <div className="dialog-actions">
          <button type="submit">Create channel</button>
        </div>
      </form>
    </Dialog>
  );
}

function DirectDialog({
  people,
  me,
  onClose,
}: {
  people: readonly Person[];
  me: number;
  onClose: () => void;
}) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const memberIds = new FormData(event.currentTarget).getAll('member').map(Number);
    try {
      const channel = await chatApi.createChannel({ kind: 'direct', memberIds });
      await client.invalidateQueries({ queryKey: chatKeys.channels() });
      onClose();
      navigate(chatUrl(channel.id));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Dialog title="New direct message" onClose={onClose}>
      <form className="chat-form" onSubmit={(e) => void submit(e)}>
        <PeopleChoice legend="With" people={people} me={me} error={error} />
        <div className="dialog-actions">
          <button type="submit">Open conversation</button>
        </div>
      </form>
    </Dialog>
  );
}

function ChannelLink({
  channel,
  active,
  label,
}: {
  channel: Channel;
  active: boolean;
  label: string;
}) {
  const unread = channel.unreadCount ?? 0;
  const mentions = channel.mentionCount ?? 0;
  const prefix = channel.kind === 'direct' ? '' : '# ';
  const described = [
    unread > 0 ? `${unread} unread` : '',
    mentions > 0 ? `${mentions} mention${mentions === 1 ? '' : 's'}` : '',
    channel.member ? '' : 'not joined',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li>
      <Link
        href={chatUrl(channel.id)}
        className={`chat-channel${active ? ' active' : ''}${unread > 0 ? ' unread' : ''}${channel.member ? '' : ' muted'}`}
        aria-current={active ? 'page' : undefined}
      >
        <span className="chat-channel-name">
          {prefix}
          {label}
        </span>
        {channel.kind === 'private' && <span className="small muted">private</span>}
        {mentions > 0 && (
          <span className="badge chat-mentions" aria-hidden="true">
            @{mentions}
          </span>
        )}
        {unread > 0 && (
          <span className="badge chat-unread" aria-hidden="true">
            {unread}
          </span>
        )}
        {described && <span className="visually-hidden">, {described}</span>}
      </Link>
    </li>
  );
}

/** The channels and direct conversations, with unread and mention counts. */
export function Sidebar({
  channels,
  current,
  me,
  names,
  people,
  online,
}: {
  channels: readonly Channel[];
  current: number | undefined;
  me: number;
  names: ReadonlyMap<number, string>;
  people: readonly Person[];
  online: ReadonlySet<number>;
}) {
  const [dialog, setDialog] = useState<'channel' | 'direct' | null>(null);
  const rooms = channels.filter((c) => c.kind !== 'direct' && !c.archivedAt);
  const directs = channels.filter((c) => c.kind === 'direct');
  return (
    <nav className="chat-sidebar" aria-label="Channels">
      <div className="chat-sidebar-head">
        <h2>Channels</h2>
        <button type="button" onClick={() => setDialog('channel')}>
          New channel
        </button>
      </div>
      <ul className="chat-channels">
        {rooms.map((c) => (
          <ChannelLink key={c.id} channel={c} active={c.id === current} label={c.name} />
        ))}
        {rooms.length === 0 && <li className="small muted">No channels yet.</li>}
      </ul>
      <div className="chat-sidebar-head">
        <h2>Direct messages</h2>
        <button type="button" onClick={() => setDialog('direct')}>
          New message
        </button>
      </div>
      <ul className="chat-channels">
        {directs.map((c) => {
          const label = channelLabel(c, me, names);
          const others = c.name
            .replace(/^dm:/, '')
            .split(',')
            .map(Number)
            .filter((id) => id !== me);
          const here = others.some((id) => online.has(id));
          return (
            <ChannelLink
              key={c.id}
              channel={c}
              active={c.id === current}
              label={`${label}${here ? ' (online)' : ''}`}
            />
          );
        })}
      </ul>
      {dialog === 'channel' && (
        <CreateChannelDialog people={people} me={me} onClose={() => setDialog(null)} />
      )}
      {dialog === 'direct' && (
        <DirectDialog people={people} me={me} onClose={() => setDialog(null)} />
      )}
    </nav>
  );
}
