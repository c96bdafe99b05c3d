import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { auth } from '../../lib/auth.ts';
import {
  atLeast,
  identityApi,
  meKeys,
  messageOf,
  orgKeys,
  ROLES,
  roleOf,
  when,
  type Invitation,
  type Me,
  type Role,
} from '../../lib/identity.ts';
import { navigate } from '../../lib/router.ts';
import { CopyField } from './CopyField.tsx';

/** The org's members (roles, remove, leave, transfer) and, for admins, its invitations. */
export function MembersTab({ me }: { me: Me }) {
  const org = me.orgId;
  const client = useQueryClient();
  const admin = atLeast(me.role, 'admin');
  const owner = atLeast(me.role, 'owner');
  const members = useQuery({
    queryKey: orgKeys.members(org),
    queryFn: ({ signal }) => identityApi.members(org, signal),
  });
  const [error, setError] = useState<string>();
  const refreshMembers = () => void client.invalidateQueries({ queryKey: orgKeys.members(org) });
  const changeRole = useMutation({
    mutationFn: ({ userId, role }: { userId: number; role: Role }) =>
      identityApi.changeRole(org, userId, role),
    onSuccess: () => {
      setError(undefined);
      refreshMembers();
    },
    onError: (e) => {
      setError(messageOf(e));
      refreshMembers();
    },
  });
  const remove = useMutation({
    mutationFn: ({ userId }: { userId: number; self: boolean }) =>
      identityApi.removeMember(org, userId),
    onSuccess: async (_, { self }) => {
      setError(undefined);
      if (!self) return refreshMembers();
      // Left the org: this token's org is gone; the next refresh lands in another of my orgs.
      const other = me.orgs.find((o) => o.id !== org);
      if (other && auth.token()) await identityApi.switchOrg(other.id).catch(() => undefined);
      navigate('/');
      void client.resetQueries();
    },
    onError: (e) => setError(messageOf(e)),
  });
  const transfer = useMutation({
    mutationFn: (userId: number) => identityApi.transfer(org, userId),
    onSuccess: () => {
      setError(undefined);
      refreshMembers();
      // My own role changed: the header and the admin controls follow it.
      void client.invalidateQueries({ queryKey: meKeys.all() });
    },
    onError: (e) => setError(messageOf(e)),
  });

  if (members.isPending)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (members.isError)
    return <ErrorState error={members.error} retry={() => void members.refetch()} />;

  const owners = members.data.filter((m) => roleOf(m.role) === 'owner').length;
  return (
    <>
      {!admin && (
        <p className="small muted">
          Only the org's admins and owners can invite people or change roles.
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="settings-table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Member since</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.data.map((m) => {
            const self = m.userId === me.id;
            const role = roleOf(m.role);
            // Owners' roles are the owners' business; no one may drop the last owner.
            const editable =
              admin && !self && (owner || role !== 'owner') && !(role === 'owner' && owners <= 1);
            const choices = ROLES.filter((r) => owner || r !== 'owner');
            return (
              <tr key={m.userId}>
                <td>
                  {m.displayName} {self && <span className="badge">you</span>}
                </td>
                <td>{m.email ?? '—'}</td>
                <td>
                  {editable ? (
                    <select
                      aria-label={`Role of ${m.displayName}`}
                      value={role}
                      disabled={changeRole.isPending}
                      onChange={(e) =>
                        changeRole.mutate({ userId: m.userId, role: e.target.value as Role })
                      }
                    >
                      {choices.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    role
                  )}
                </td>
                <td>{when(m.since)}</td>
                <td>
                  <div className="row-actions">
                    {owner && !self && (
                      <button
                        type="button"
                        disabled={transfer.isPending}
                        onClick={() => {
                          if (
                            window.confirm(
                              `Make ${m.displayName} the owner of this org? You stay an admin.`,
                            )
                          )
                            transfer.mutate(m.userId);
                        }}
                      >
                        Transfer ownership
                      </button>
                    )}
                    {((self && !(role === 'owner' && owners <= 1)) ||
                      (!self && admin && (owner || role !== 'owner'))) && (
                      <button
                        type="button"
                        className="danger"
                        disabled={remove.isPending}
                        aria-label={self ? 'Leave this org' : `Remove ${m.displayName}`}
                        onClick={() => {
                          const question = self
                            ? 'Leave this org? You will need a new invitation to come back.'
                            : `Remove ${m.displayName} from this org?`;
                          if (window.confirm(question)) remove.mutate({ userId: m.userId, self });
                        }}
                      >
                        {self ? 'Leave' : 'Remove'}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {admin && <Invitations org={org} owner={owner} />}
    </>
  );
}

function Invitations({ org, owner }: { org: number; owner: boolean }) {
  const client = useQueryClient();
  const invitations = useQuery({
    queryKey: orgKeys.invitations(org),
    queryFn: ({ signal }) => identityApi.invitations(org, signal),
  });
  const [made, setMade] = useState<Invitation>();
  const invite = useMutation({
    mutationFn: ({ email, role }: { email: string; role: Role }) =>
      identityApi.invite(org, email, role),
    onSuccess: (invitation) => {
      setMade(invitation);
      void client.invalidateQueries({ queryKey: orgKeys.invitations(org) });
    },
  });
  const cancel = useMutation({
    mutationFn: (id: number) => identityApi.cancelInvitation(org, id),
    onSuccess: () => void client.invalidateQueries({ queryKey: orgKeys.invitations(org) }),
  });
  const onInvite = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    invite.mutate(
      {
        email: String(data.get('email') ?? '').trim(),
        role: roleOf(String(data.get('role'))),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <section className="settings-form" aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invitations</h3>
      <form className="inline-row invite-form" onSubmit={onInvite}>
        <div className="field grow">
          <label htmlFor="invite-email">Email to invite</label>
          <input id="invite-email" name="email" type="email" required autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="member">
            {ROLES.filter((r) => owner || r !== 'owner').map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={invite.isPending}>
          Invite
        </button>
      </form>
      {invite.isError && (
        <p role="alert" className="error">
          {messageOf(invite.error)}
        </p>
      )}
      {made?.link && (
        <div className="once" role="status">
          <p>
            Invitation for <strong>{made.email}</strong> ({made.role}) made. Send them this link —
            it is shown only now:
          </p>
          <CopyField label="Invitation link" value={made.link} />
          <button type="button" onClick={() => setMade(undefined)}>
            Done
          </button>
        </div>
      )}
      {invitations.isError && (
        <ErrorState error={invitations.error} retry={() => void invitations.refetch()} />
      )}
      {invitations.data && invitations.data.length > 0 && (
        <table className="settings-table" aria-label="Pending invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Sent</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.data.map((i) => (
              <tr key={i.id}>
                <td>{i.email}</td>
                <td>{i.role.toLowerCase()}</td>
                <td>{when(i.createdAt)}</td>
                <td>{when(i.expiresAt)}</td>
                <td>
                  <button
                    type="button"
                    disabled={cancel.isPending}
                    aria-label={`Cancel the invitation of ${i.email}`}
                    onClick={() => cancel.mutate(i.id)}
                  >
                    Cancel
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invitations.data?.length === 0 && !made && (
        <p className="small muted">No pending invitations.</p>
      )}
    </section>
  );
}
