import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from '../components/Link.tsx';
import { ApiError } from '../lib/api.ts';
import { chatKeys } from '../lib/queryKeys.ts';
import { chatUrl } from '../lib/router.ts';
import { usePageTitle } from '../lib/title.ts';
import {
  chatApi,
  channelLabel,
  relativeTime,
  snippetParts,
  type MessageSearchParams,
} from './chatApi.ts';
import { useOrgPeople } from './people.ts';
import './chat.css';

type Filters = Omit<MessageSearchParams, 'q'>;

/**
 * Message hits of the one search box, beside the code results: filters by channel, author, date
 * and code, snippets with the found words marked; a hit opens the message in its channel.
 */
export default function MessageResults({ q }: { q: string }) {
  const [filters, setFilters] = useState<Filters>({});
  const { me, people, names } = useOrgPeople();
  const channels = useQuery({
    queryKey: chatKeys.channels(),
    queryFn: ({ signal }) => chatApi.channels(signal),
  });
  const params: Record<string, string> = { q, ...filters } as Record<string, string>;
  const hits = useQuery({
    queryKey: chatKeys.search(params),
    queryFn: ({ signal }) => chatApi.search(params as unknown as MessageSearchParams, signal),
    enabled: q.trim().length > 0,
    retry: false,
  });
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const next: Filters = {};
    if (value('channelId')) next.channelId = value('channelId');
    if (value('authorId')) next.authorId = value('authorId');
    if (value('from')) next.from = `${value('from')}T00:00:00Z`;
    if (value('to')) next.to = `${value('to')}T23:59:59Z`;
    if (data.get('hasCode')) next.hasCode = 'true';
    setFilters(next);
  };
  const found = hits.data?.hits ?? [];
  // A server without the chat (or a page outside an org): no message panel at all.
  if ((hits.error instanceof ApiError && hits.error.status === 404) || me.isError) return null;
  return (
    <section className="panel message-results" aria-labelledby="message-results-heading">
      <h2 id="message-results-heading">Messages</h2>
      <form className="search-filters" aria-label="Message filters" onSubmit={apply}>
        <label>
          Channel{' '}
          <select name="channelId" defaultValue="">
            <option value="">any</option>
            {channels.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {channelLabel(c, me.data?.id, names)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Author{' '}
          <select name="authorId" defaultValue="">
            <option value="">anyone</option>
            {people.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          From <input type="date" name="from" />
        </label>{' '}
        <label>
          To <input type="date" name="to" />
        </label>{' '}
        <label>
          <input type="checkbox" name="hasCode" /> Has code
        </label>{' '}
        <button type="submit">Filter</button>
      </form>
      {hits.isPending && q.trim() && (
        <p aria-live="polite" className="muted small">
          Searching messages…
        </p>
      )}
      {hits.isError && (
        <p aria-live="polite" className="small error">
          {hits.error.message}
        </p>
      )}
      {hits.isSuccess && (
        <p className="small muted" aria-live="polite">
          {found.length === 1 ? '1 message' : `${found.length} messages`}
        </p>
      )}
      <ul className="message-hits" aria-label="Message results">
        {found.map((hit) => {
          const channel = channels.data?.find((c) => c.id === hit.channelId);
          return (
            <li key={hit.messageId}>
              <Link
                href={chatUrl(hit.channelId, { thread: hit.threadId, message: hit.messageId })}
                className="message-hit"
              >
                <span className="small muted">
                  {channel ? channelLabel(channel, me.data?.id, names) : hit.channelName} ·{' '}
                  {names.get(hit.authorId) ?? `user ${hit.authorId}`}
                  {hit.authorType === 'agent' ? ' (agent)' : ''} · {relativeTime(hit.createdAt)}
                </span>
                <span className="message-snippet">
                  {snippetParts(hit.snippet).map((part, i) =>
                    part.marked ? (
                      <mark key={i}>{part.text}</mark>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Search outside a repository (from the chat): messages only. */
export function MessageSearchPage({ q }: { q: string }) {
  usePageTitle(q ? `${q} · Search messages` : 'Search messages');
  return (
    <main className="page wrap">
      <h1>Search messages</h1>
      {q ? <MessageResults q={q} /> : <p className="muted">Type in the search box above.</p>}
    </main>
  );
}
