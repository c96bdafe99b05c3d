import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { ApiError } from '../lib/api.ts';
import { auth } from '../lib/auth.ts';
import { identityApi, meKeys, messageOf, type Me } from '../lib/identity.ts';
import { navigate, PUBLIC_PAGES, useRoute } from '../lib/router.ts';
import { Link } from './Link.tsx';
import '../account.css';

/** The signed-in user: `GET /api/me` (401 = signed out). */
export function useMe() {
  return useQuery({
    queryKey: meKeys.all(),
    queryFn: ({ signal }) => identityApi.me(signal),
    staleTime: 60_000,
  });
}

/** Whether this browser holds an account's access token (not a local login-link session). */
export function useAccountSignedIn(): boolean {
  return useSyncExternalStore(auth.subscribe, () => auth.getSnapshot().signedIn);
}

function here(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/**
 * Sends a signed-out browser to the sign-in page (and back afterwards), and forgets every cached
 * answer when the session ends, so nothing of the last account shows to the next.
 */
export function useSessionGate(): void {
  const { route } = useRoute();
  const me = useMe();
  const client = useQueryClient();
  const signedOut = me.error instanceof ApiError && me.error.status === 401;
  const isPublic = PUBLIC_PAGES.has(route.page);
  useEffect(() => {
    if (signedOut && !isPublic)
      navigate(`/signin?next=${encodeURIComponent(here())}`, { replace: true });
  }, [signedOut, isPublic]);
  useEffect(() => {
    let was = auth.getSnapshot().signedIn;
    return auth.subscribe(() => {
      const now = auth.getSnapshot().signedIn;
      if (was && !now) {
        // The session ended (signed out here, elsewhere, or its refresh token was refused).
        void client.resetQueries();
      }
      was = now;
    });
  }, [client]);
}

/** The org switcher, settings and sign-out, in the header. */
export function AccountMenu() {
  const me = useMe();
  const account = useAccountSignedIn();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();
  const client = useQueryClient();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();
  const { route } = useRoute();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        const items = [
          ...(panel.current?.querySelectorAll<HTMLElement>('button, a[href], input') ?? []),
        ];
        if (items.length === 0) return;
        event.preventDefault();
        const at = items.indexOf(document.activeElement as HTMLElement);
        const next =
          event.key === 'ArrowDown'
            ? items[(at + 1) % items.length]
            : items[(at - 1 + items.length) % items.length];
        next?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const afterSwitch = () => {
    // Every org-scoped answer belongs to the org left behind: the one case for clearing all.
    setOpen(false);
    setCreating(false);
    if (route.page !== 'settings') navigate('/');
    void client.resetQueries();
    button.current?.focus();
  };

  const switchOrg = useMutation({
    mutationFn: (orgId: number) => identityApi.switchOrg(orgId),
    onSuccess: afterSwitch,
    onError: (e) => setError(messageOf(e)),
  });
  const createOrg = useMutation({
    mutationFn: async (name: string) => {
      const org = await identityApi.createOrg(name);
      return identityApi.switchOrg(org!.id);
    },
    onSuccess: afterSwitch,
    onError: (e) => setError(messageOf(e)),
  });
  const signOut = useMutation({
    mutationFn: () => identityApi.logout(),
    onSettled: () => {
      setOpen(false);
      navigate('/signin');
      void client.resetQueries();
    },
  });

  if (me.isPending) return null;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401 && route.page !== 'signin')
      return (
        <Link href="/signin" className="account-signin">
          Sign in
        </Link>
      );
    return null;
  }
  const user: Me = me.data;
  const current = user.orgs.find((o) => o.id === user.orgId);
  const orgName = current?.name ?? `org ${user.orgId}`;
  const role = user.role.toLowerCase();

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (name) createOrg.mutate(name);
  };

  return (
    <div className="account">
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setOpen((o) => !o);
          setError(undefined);
        }}
      >
        <span className="visually-hidden">Organization </span>
        <span className="account-org">{orgName}</span>
        <span className="visually-hidden">, role</span>{' '}
        <span className="badge account-role">{role}</span> <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={panel} id={`${id}-panel`} className="account-panel panel">
          <p className="account-who">
            <strong>{user.displayName}</strong>
            {user.email && <span className="muted small"> {user.email}</span>}
          </p>
          <h2 className="account-heading" id={`${id}-orgs`}>
            Organizations
          </h2>
          <ul className="account-orgs" aria-labelledby={`${id}-orgs`}>
            {user.orgs.map((org) => (
              <li key={org.id}>
                {org.id === user.orgId ? (
                  <span className="account-current" aria-current="true">
                    ✓ {org.name} <span className="muted small">{org.role.toLowerCase()}</span>
                  </span>
                ) : (
                  <button
                    type="button"
                    disabled={!account || switchOrg.isPending}
                    onClick={() => switchOrg.mutate(org.id)}
                  >
                    Switch to {org.name}{' '}
                    <span className="muted small">{org.role.toLowerCase()}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
          {account &&
            (creating ? (
              <form className="account-new-org" onSubmit={onCreate}>
                <label htmlFor={`${id}-name`}>New organization's name</label>
                <input id={`${id}-name`} name="name" required maxLength={100} autoFocus />
                <button type="submit" disabled={createOrg.isPending}>
                  Create and switch
                </button>
              </form>
            ) : (
              <button type="button" onClick={() => setCreating(true)}>
                New organization…
              </button>
            ))}
          {error && (
            <p role="alert" className="error small">
              {error}
            </p>
          )}
          <hr />
          <Link href="/settings" onClick={() => setOpen(false)}>
            Settings
          </Link>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
