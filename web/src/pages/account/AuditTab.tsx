import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Link } from '../../components/Link.tsx';
import { chatUrl } from '../../lib/router.ts';
import {
  auditKeys,
  identityApi,
  orgKeys,
  when,
  type AuditEntry,
  type AuditFilters,
  type Me,
} from '../../lib/identity.ts';

/** The entity types the server's modules write (free text in the API; these are today's). */
const ENTITY_TYPES = [
  'api-key',
  'channel',
  'channel-member',
  'invitation',
  'learning',
  'membership',
  'message',
  'org',
  'project',
  'project-member',
  'reaction',
  'repository',
  'session',
  'user',
];

/** An entity type as people read it: `channel-member` is "channel member". */
function entityLabel(type: string): string {
  return type.replace(/-/g, ' ');
}

/**
 * Where a chat entry's entity lives in the app: a message in its channel (the channel is in the
 * entry's values), a channel itself. Deleted ones still link; the chat says they are gone.
 */
function chatLink(entry: AuditEntry): string | undefined {
  const values = { ...(entry.oldValues ?? {}), ...(entry.newValues ?? {}) };
  const channel = Number(entry.entityType === 'channel' ? entry.entityId : values.channel);
  if (!Number.isInteger(channel) || channel <= 0) return undefined;
  if (entry.entityType === 'message') return chatUrl(channel, { message: Number(entry.entityId) });
  if (entry.entityType === 'channel' || entry.entityType === 'channel-member')
    return chatUrl(channel);
  return undefined;
}

/** The org's audit trail, newest first, filtered, a page at a time ("Load more" follows the cursor). */
export function AuditTab({ me }: { me: Me }) {
  const org = me.orgId;
  const [filters, setFilters] = useState<AuditFilters>({});
  const members = useQuery({
    queryKey: orgKeys.members(org),
    queryFn: ({ signal }) => identityApi.members(org, signal),
  });
  const names = new Map(members.data?.map((m) => [m.userId, m.displayName]) ?? []);
  const audit = useInfiniteQuery({
    queryKey: auditKeys.list(org, filters),
    queryFn: ({ pageParam, signal }) => identityApi.audit(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    const next: AuditFilters = {};
    for (const key of ['entityType', 'action', 'userId', 'from', 'to'] as const) {
      const v = value(key);
      if (v) next[key] = v;
    }
    setFilters(next);
  };
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <form className="settings-form audit-filters" onSubmit={onFilter} aria-label="Filter">
        <div className="field">
          <label htmlFor="audit-entity">Entity</label>
          <select id="audit-entity" name="entityType" defaultValue="">
            <option value="">any</option>
            {ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {entityLabel(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <input id="audit-action" name="action" placeholder="created" />
        </div>
        <div className="field">
          <label htmlFor="audit-user">Person</label>
          <select id="audit-user" name="userId" defaultValue="">
            <option value="">anyone</option>
            {members.data?.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" name="from" type="datetime-local" />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" name="to" type="datetime-local" />
        </div>
        <div className="field filter-buttons">
          <button type="submit">Apply</button>
          <button
            type="reset"
            onClick={() => {
              setFilters({});
            }}
          >
            Clear
          </button>
        </div>
      </form>
      {audit.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {audit.isError && <ErrorState error={audit.error} retry={() => void audit.refetch()} />}
      {audit.isSuccess && entries.length === 0 && (
        <p className="muted">No entries{Object.keys(filters).length ? ' match the filter' : ''}.</p>
      )}
      {entries.length > 0 && (
        <table className="settings-table audit-table" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{when(e.createdAt)}</td>
                <td>
                  {who(e, names)}
                  {e.ip && <div className="small muted">{e.ip}</div>}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {entityLabel(e.entityType)}
                  {e.entityId && <span className="muted"> {e.entityId}</span>}
                  {chatLink(e) && (
                    <>
                      {' '}
                      <Link href={chatLink(e) ?? ''} className="small">
                        open in chat
                      </Link>
                    </>
                  )}
                </td>
                <td>
                  <Change entry={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.hasNextPage && (
        <button
          type="button"
          onClick={() => void audit.fetchNextPage()}
          disabled={audit.isFetchingNextPage}
        >
          {audit.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
      {audit.isSuccess && !audit.hasNextPage && entries.length > 0 && (
        <p className="small muted" role="status">
          {entries.length} {entries.length === 1 ? 'entry' : 'entries'}, the whole log
          {Object.keys(filters).length ? ' for this filter' : ''}.
        </p>
      )}
    </>
  );
}

function who(entry: AuditEntry, names: Map<number, string>): string {
  const actor = entry.actorType.toLowerCase();
  if (entry.userId === null) return actor === 'system' ? 'system' : actor;
  const name = names.get(Number(entry.userId)) ?? `user ${entry.userId}`;
  return actor === 'user' ? name : `${name} (${actor.replace(/[_-]/g, ' ')})`;
}

function Change({ entry }: { entry: AuditEntry }) {
  const before = entry.oldValues ?? {};
  const after = entry.newValues ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (keys.length === 0) return <span className="muted">—</span>;
  const show = (v: unknown) =>
    v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return (
    <ul className="audit-change">
      {keys.map((k) => (
        <li key={k}>
          <span className="muted">{k}:</span> {k in before && <del>{show(before[k])}</del>}
          {k in before && k in after && ' → '}
          {k in after && <ins>{show(after[k])}</ins>}
        </li>
      ))}
    </ul>
  );
}
