import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAccountSignedIn, useMe } from '../../components/AccountMenu.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Link } from '../../components/Link.tsx';
import { auth } from '../../lib/auth.ts';
import { atLeast, identityApi, meKeys, messageOf, when, type Me } from '../../lib/identity.ts';
import { navigate, SETTINGS_TABS, type SettingsTab } from '../../lib/router.ts';
import { usePageTitle } from '../../lib/title.ts';
import { AuditTab } from './AuditTab.tsx';
import { KeysTab } from './KeysTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { ProjectsTab } from './ProjectsTab.tsx';

const TAB_NAMES: Record<SettingsTab, string> = {
  profile: 'Profile',
  members: 'Members & invitations',
  projects: 'Projects',
  keys: 'API keys',
  sessions: 'Sessions',
  audit: 'Audit log',
};

/** The account and org settings: one section per URL, `/settings/keys` and so on. */
export default function SettingsPage({ tab }: { tab: SettingsTab }) {
  const me = useMe();
  usePageTitle(`${TAB_NAMES[tab]} · Settings`);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // Moving between sections: focus goes to the new section's heading, as after a page load.
    if (first.current) first.current = false;
    else heading.current?.focus();
  }, [tab]);
  if (me.isPending)
    return (
      <main className="page wrap">
        <p className="muted" role="status">
          Loading…
        </p>
      </main>
    );
  if (me.isError)
    return (
      <main className="page wrap">
        <ErrorState error={me.error} retry={() => void me.refetch()} />
      </main>
    );
  const admin = atLeast(me.data.role, 'admin');
  const tabs = SETTINGS_TABS.filter((t) => t !== 'audit' || admin);
  return (
    <main className="page settings-page">
      <nav className="settings-nav" aria-label="Settings">
        <h1 className="settings-title">Settings</h1>
        <ul>
          {tabs.map((t) => (
            <li key={t}>
              <Link
                href={t === 'profile' ? '/settings' : `/settings/${t}`}
                aria-current={t === tab ? 'page' : undefined}
              >
                {TAB_NAMES[t]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings-main" aria-labelledby="settings-heading">
        <h2 id="settings-heading" ref={heading} tabIndex={-1}>
          {TAB_NAMES[tab]}
        </h2>
        {tab === 'profile' && <ProfileTab me={me.data} />}
        {tab === 'members' && <MembersTab me={me.data} />}
        {tab === 'projects' && <ProjectsTab me={me.data} />}
        {tab === 'keys' && <KeysTab me={me.data} />}
        {tab === 'sessions' && <SessionsTab />}
        {tab === 'audit' &&
          (admin ? (
            <AuditTab me={me.data} />
          ) : (
            <p className="muted">The audit log is for the org's admins and owners.</p>
          ))}
      </section>
    </main>
  );
}

function ProfileTab({ me }: { me: Me }) {
  const client = useQueryClient();
  const account = useAccountSignedIn();
  const [saved, setSaved] = useState(false);
  const rename = useMutation({
    mutationFn: (name: string) => identityApi.updateMe(name),
    onSuccess: (updated) => {
      if (updated) client.setQueryData(meKeys.all(), updated);
      setSaved(true);
    },
  });
  const [mismatch, setMismatch] = useState(false);
  const password = useMutation({
    mutationFn: ({ current, next }: { current: string; next: string }) =>
      identityApi.changePassword(current, next),
    // Every other session ended: their list changed.
    onSuccess: () => void client.invalidateQueries({ queryKey: meKeys.sessions() }),
  });
  const remove = useMutation({
    mutationFn: identityApi.deleteAccount,
    onSuccess: () => {
      auth.clear();
      navigate('/signin');
      void client.resetQueries();
    },
  });
  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    rename.mutate(String(new FormData(event.currentTarget).get('displayName') ?? '').trim());
  };
  const onPassword = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const next = String(data.get('newPassword') ?? '');
    const same = next === String(data.get('again') ?? '');
    setMismatch(!same);
    if (same)
      password.mutate(
        { current: String(data.get('currentPassword') ?? ''), next },
        { onSuccess: () => form.reset() },
      );
  };
  return (
    <>
      <dl className="facts profile-facts">
        <div>
          <dt>Email</dt>
          <dd>{me.email ?? '—'}</dd>
        </div>
        <div>
          <dt>Signed in with</dt>
          <dd>{me.credential.replace(/_/g, ' ')}</dd>
        </div>
        <div>
          <dt>Role in this org</dt>
          <dd>{me.role.toLowerCase()}</dd>
        </div>
      </dl>
      <form className="settings-form" onSubmit={onRename}>
        <h3>Name</h3>
        <label htmlFor="profile-name">Display name</label>
        <div className="inline-row">
          <input
            id="profile-name"
            name="displayName"
            defaultValue={me.displayName}
            required
            maxLength={100}
            autoComplete="name"
          />
          <button type="submit" disabled={rename.isPending}>
            Save
          </button>
        </div>
        {saved && (
          <p role="status" className="small">
            Saved.
          </p>
        )}
        {rename.isError && (
          <p role="alert" className="error">
            {messageOf(rename.error)}
          </p>
        )}
      </form>
      {account && (
        <form className="settings-form" onSubmit={onPassword}>
          <h3>Password</h3>
          {me.hasPassword && (
            <>
              <label htmlFor="pw-current">Current password</label>
              <input
                id="pw-current"
                name="currentPassword"
                type="password"
                autoComplete="current-password"
                required
              />
            </>
          )}
          <label htmlFor="pw-new">New password</label>
          <input
            id="pw-new"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            aria-describedby="pw-hint"
          />
          <p id="pw-hint" className="small muted field-hint">
            At least 10 characters, and not a common password. Your other sessions sign out.
          </p>
          <label htmlFor="pw-again">New password again</label>
          <input id="pw-again" name="again" type="password" autoComplete="new-password" required />
          {mismatch && (
            <p role="alert" className="error">
              The two passwords differ.
            </p>
          )}
          {password.isError && (
            <p role="alert" className="error">
              {messageOf(password.error)}
            </p>
          )}
          {password.isSuccess && (
            <p role="status" className="small">
              Password changed; your other sessions are signed out.
            </p>
          )}
          <div>
            <button type="submit" disabled={password.isPending}>
              Change password
            </button>
          </div>
        </form>
      )}
      {account && (
        <section className="settings-form danger-zone" aria-labelledby="delete-heading">
          <h3 id="delete-heading">Delete account</h3>
          <p className="small">
            Your account goes; what you made stays, attributed to a deleted user. If you are the
            only owner of an org with other members, transfer ownership first.
          </p>
          {remove.isError && (
            <p role="alert" className="error">
              {messageOf(remove.error)}
            </p>
          )}
          <button
            type="button"
            className="danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm('Delete your account? This cannot be undone.')) remove.mutate();
            }}
          >
            Delete my account
          </button>
        </section>
      )}
    </>
  );
}

function SessionsTab() {
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: meKeys.sessions(),
    queryFn: ({ signal }) => identityApi.sessions(signal),
  });
  const signedOut = () => {
    auth.clear();
    navigate('/signin');
    void client.resetQueries();
  };
  const end = useMutation({
    mutationFn: ({ id }: { id: string; current: boolean }) => identityApi.endSession(id),
    onSuccess: (_, { current }) => {
      if (current) signedOut();
      else void client.invalidateQueries({ queryKey: meKeys.sessions() });
    },
  });
  const endAll = useMutation({ mutationFn: identityApi.endAllSessions, onSuccess: signedOut });
  if (sessions.isPending)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (sessions.isError)
    return <ErrorState error={sessions.error} retry={() => void sessions.refetch()} />;
  const error = end.error ?? endAll.error;
  return (
    <>
      <p className="small muted">
        Every browser or CLI signed in to your account. Ending a session signs it out at once.
      </p>
      {error && (
        <p role="alert" className="error">
          {messageOf(error)}
        </p>
      )}
      {sessions.data.length === 0 ? (
        <p className="muted">
          No account sessions: this browser is signed in by the install's login link.
        </p>
      ) : (
        <table className="settings-table">
          <caption className="visually-hidden">Active sessions</caption>
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">Address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => (
              <tr key={s.id}>
                <td>
                  {describeAgent(s.userAgent)}{' '}
                  {s.current && <span className="badge badge-ok">this session</span>}
                </td>
                <td>{s.ip ?? '—'}</td>
                <td>{when(s.createdAt)}</td>
                <td>{when(s.lastUsedAt)}</td>
                <td>
                  <button
                    type="button"
                    disabled={end.isPending}
                    aria-label={
                      s.current
                        ? 'Sign out this session'
                        : `End the session on ${describeAgent(s.userAgent)} signed in ${when(s.createdAt)}`
                    }
                    onClick={() => end.mutate({ id: s.id, current: s.current })}
                  >
                    {s.current ? 'Sign out' : 'End'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sessions.data.length > 0 && (
        <button
          type="button"
          className="danger"
          disabled={endAll.isPending}
          onClick={() => {
            if (window.confirm('Sign out every session, this one included?')) endAll.mutate();
          }}
        >
          Sign out everywhere
        </button>
      )}
    </>
  );
}

/** A short name for a user agent: the browser and system, or the CLI. */
export function describeAgent(agent: string | null): string {
  if (!agent) return 'Unknown device';
  if (/atelier/i.test(agent) && !/Mozilla/.test(agent)) return 'Atelier CLI';
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : /curl\//.test(agent)
            ? 'curl'
            : agent.split(/[ /]/)[0] || 'Unknown';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(agent)
      ? 'macOS'
      : /Android/.test(agent)
        ? 'Android'
        : /iPhone|iPad/.test(agent)
          ? 'iOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : undefined;
  return system ? `${browser} on ${system}` : browser;
}
