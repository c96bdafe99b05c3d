import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useDialog } from '../../components/useDialog.ts';
import {
  apiKeyKeys,
  identityApi,
  KEY_SCOPES,
  messageOf,
  roleOf,
  when,
  type ApiKey,
  type KeyScope,
  type Me,
} from '../../lib/identity.ts';
import { CopyField } from './CopyField.tsx';

/** What each scope lets a key do. */
const SCOPE_HELP: Record<KeyScope, string> = {
  read: 'read: safe requests only',
  write: 'write: changes too (and read)',
  admin: 'admin: keys and the audit log (and write)',
  mcp: 'mcp: MCP over HTTP',
};

/** The scopes a role may give a key (a key only narrows its owner's role). */
function scopesFor(role: string): readonly KeyScope[] {
  switch (roleOf(role)) {
    case 'owner':
    case 'admin':
      return KEY_SCOPES;
    case 'member':
      return ['read', 'write', 'mcp'];
    default:
      return ['read', 'mcp'];
  }
}

const EXPIRIES: ReadonlyArray<[string, number | null]> = [
  ['30 days', 30],
  ['90 days', 90],
  ['1 year', 365],
  ['Never', null],
];

export function KeysTab({ me }: { me: Me }) {
  const org = me.orgId;
  const client = useQueryClient();
  const keys = useQuery({
    queryKey: apiKeyKeys.list(org),
    queryFn: ({ signal }) => identityApi.keys(signal),
  });
  const [made, setMade] = useState<{ key: ApiKey; secret: string }>();
  const [scopeError, setScopeError] = useState(false);
  const create = useMutation({
    mutationFn: (fields: { name: string; scopes: KeyScope[]; days: number | null }) =>
      identityApi.createKey(fields.name, fields.scopes, fields.days),
    onSuccess: (answer) => {
      setMade(answer);
      void client.invalidateQueries({ queryKey: apiKeyKeys.list(org) });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => identityApi.revokeKey(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: apiKeyKeys.list(org) }),
  });
  const allowed = scopesFor(me.role);
  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const scopes = KEY_SCOPES.filter((s) => data.get(`scope-${s}`) === 'on');
    setScopeError(scopes.length === 0);
    if (scopes.length === 0) return;
    const days = String(data.get('expiry') ?? '');
    create.mutate(
      {
        name: String(data.get('name') ?? '').trim(),
        scopes,
        days: days === 'never' ? null : Number(days),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <>
      <p className="small muted">
        Keys let scripts, the CLI and MCP clients act in this org as you, narrowed to their scopes.
        Send one as <code>Authorization: Bearer atl_…</code>.
      </p>
      <form className="settings-form" onSubmit={onCreate} aria-labelledby="new-key-heading">
        <h3 id="new-key-heading">New key</h3>
        <div className="inline-row">
          <div className="field grow">
            <label htmlFor="key-name">Name</label>
            <input id="key-name" name="name" required maxLength={100} placeholder="ci" />
          </div>
          <div className="field">
            <label htmlFor="key-expiry">Expires after</label>
            <select id="key-expiry" name="expiry" defaultValue="90">
              {EXPIRIES.map(([label, days]) => (
                <option key={label} value={days === null ? 'never' : String(days)}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="scopes" aria-describedby={scopeError ? 'scope-error' : undefined}>
          <legend>Scopes</legend>
          {KEY_SCOPES.map((scope) => (
            <label key={scope} className="check">
              <input
                type="checkbox"
                name={`scope-${scope}`}
                defaultChecked={scope === 'read'}
                disabled={!allowed.includes(scope)}
              />{' '}
              {SCOPE_HELP[scope]}
            </label>
          ))}
        </fieldset>
        {scopeError && (
          <p id="scope-error" role="alert" className="error">
            Pick at least one scope.
          </p>
        )}
        {create.isError && (
          <p role="alert" className="error">
            {messageOf(create.error)}
          </p>
        )}
        <div>
          <button type="submit" disabled={create.isPending}>
            Create key
          </button>
        </div>
      </form>
      {made && <SecretDialog made={made} onClose={() => setMade(undefined)} />}
      {keys.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {keys.isError && <ErrorState error={keys.error} retry={() => void keys.refetch()} />}
      {revoke.isError && (
        <p role="alert" className="error">
          {messageOf(revoke.error)}
        </p>
      )}
      {keys.data && keys.data.length === 0 && <p className="muted">No keys yet.</p>}
      {keys.data && keys.data.length > 0 && (
        <table className="settings-table" aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.map((k) => {
              const expired = k.expiresAt !== null && new Date(k.expiresAt).getTime() < Date.now();
              return (
                <tr key={k.id} className={k.revokedAt || expired ? 'inactive' : undefined}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix.startsWith('atl_') ? k.prefix : `atl_${k.prefix}`}…</code>
                  </td>
                  <td>{k.scopes.map((s) => s.toLowerCase()).join(', ')}</td>
                  <td>{when(k.createdAt)}</td>
                  <td>{k.lastUsedAt ? when(k.lastUsedAt) : 'never'}</td>
                  <td>{k.expiresAt ? when(k.expiresAt) : 'never'}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="badge badge-bad">revoked</span>
                    ) : expired ? (
                      <span className="badge badge-warn">expired</span>
                    ) : (
                      <button
                        type="button"
                        className="danger"
                        disabled={revoke.isPending}
                        aria-label={`Revoke key ${k.name}`}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Revoke the key "${k.name}"? Whatever uses it stops working.`,
                            )
                          )
                            revoke.mutate(k.id);
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The new key's secret, shown this once in a modal dialog. */
function SecretDialog({
  made,
  onClose,
}: {
  made: { key: ApiKey; secret: string };
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  useDialog(dialog, true, onClose);
  return (
    <div className="palette-backdrop">
      <div
        ref={dialog}
        className="palette panel secret-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="secret-heading"
        aria-describedby="secret-warning"
      >
        <h2 id="secret-heading">Key “{made.key.name}” created</h2>
        <p id="secret-warning">
          Copy the key now: it is shown only this once. Atelier keeps only its hash.
        </p>
        <CopyField label="API key" value={made.secret} autoFocus />
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </div>
  );
}
