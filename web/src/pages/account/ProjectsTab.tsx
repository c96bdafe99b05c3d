import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { atLeast, identityApi, messageOf, projectKeys, when, type Me } from '../../lib/identity.ts';

/** The org's projects: team spaces that later hold channels, boards and workflows. */
export function ProjectsTab({ me }: { me: Me }) {
  const org = me.orgId;
  const client = useQueryClient();
  const projects = useQuery({
    queryKey: projectKeys.list(org),
    queryFn: ({ signal }) => identityApi.projects(signal),
  });
  const changed = () => void client.invalidateQueries({ queryKey: projectKeys.list(org) });
  const create = useMutation({
    mutationFn: ({ name, description }: { name: string; description: string }) =>
      identityApi.createProject(name, description),
    onSuccess: changed,
  });
  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
      identityApi.archiveProject(id, archived),
    onSuccess: changed,
  });
  const remove = useMutation({
    mutationFn: (id: number) => identityApi.deleteProject(id),
    onSuccess: changed,
  });
  const canCreate = atLeast(me.role, 'member');
  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        name: String(data.get('name') ?? '').trim(),
        description: String(data.get('description') ?? '').trim(),
      },
      { onSuccess: () => form.reset() },
    );
  };
  const error = archive.error ?? remove.error;
  return (
    <>
      {canCreate && (
        <form className="settings-form" onSubmit={onCreate} aria-labelledby="new-project-heading">
          <h3 id="new-project-heading">New project</h3>
          <div className="inline-row">
            <div className="field grow">
              <label htmlFor="project-name">Name</label>
              <input id="project-name" name="name" required maxLength={100} />
            </div>
            <div className="field grow">
              <label htmlFor="project-description">Description</label>
              <input id="project-description" name="description" maxLength={500} />
            </div>
            <button type="submit" disabled={create.isPending}>
              Create project
            </button>
          </div>
          {create.isError && (
            <p role="alert" className="error">
              {messageOf(create.error)}
            </p>
          )}
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {messageOf(error)}
        </p>
      )}
      {projects.isPending && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {projects.isError && (
        <ErrorState error={projects.error} retry={() => void projects.refetch()} />
      )}
      {projects.data?.length === 0 && <p className="muted">No projects yet.</p>}
      {projects.data && projects.data.length > 0 && (
        <table className="settings-table" aria-label="Projects">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {projects.data.map((p) => (
              <tr key={p.id} className={p.archivedAt ? 'inactive' : undefined}>
                <td>
                  {p.name} {p.archivedAt && <span className="badge badge-warn">archived</span>}
                </td>
                <td>{p.description || '—'}</td>
                <td>{when(p.createdAt)}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      disabled={archive.isPending}
                      aria-label={`${p.archivedAt ? 'Restore' : 'Archive'} project ${p.name}`}
                      onClick={() => archive.mutate({ id: p.id, archived: !p.archivedAt })}
                    >
                      {p.archivedAt ? 'Restore' : 'Archive'}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      disabled={remove.isPending}
                      aria-label={`Delete project ${p.name}`}
                      onClick={() => {
                        if (window.confirm(`Delete the project "${p.name}"?`)) remove.mutate(p.id);
                      }}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
