import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type CloneJob, type RepositoryInfo } from '../lib/api.ts';

/** `/abs/path` is a folder on the server; anything with a scheme (or `git@`) is a git URL. */
export function sourceOf(input: string): { path: string } | { gitUrl: string } {
  const value = input.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')
    ? { gitUrl: value }
    : { path: value };
}

/** Adds a source; for a git URL, waits for the clone job the server started to end. */
async function addAndWait(value: string): Promise<RepositoryInfo | CloneJob> {
  const added = await api.addRepository(sourceOf(value));
  if (!('state' in added)) return added;
  let job = added;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    job = await api.clone(job.id);
  }
  if (job.state === 'failed') {
    throw new ApiError(422, 'Clone failed', job.error ?? undefined, job.errorCode ?? undefined);
  }
  return job;
}

/** Adds a local folder or a git URL; the list then shows its indexing live. */
export function AddRepositoryForm() {
  const [source, setSource] = useState('');
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: addAndWait,
    onSuccess: () => {
      setSource('');
      void client.invalidateQueries({ queryKey: ['repos'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (source.trim()) add.mutate(source);
  };
  return (
    <form className="panel add-repo" onSubmit={submit} aria-labelledby="add-repo-heading">
      <h2 id="add-repo-heading">Add a repository</h2>
      <label htmlFor="add-repo-source">Folder on this machine or git URL</label>
      <div className="add-repo-row">
        <input
          id="add-repo-source"
          value={source}
          onChange={(e) => setSource(e.target.value)}
          placeholder="/home/me/project  or  https://github.com/org/repo.git"
          spellCheck={false}
        />
        <button type="submit" disabled={add.isPending || !source.trim()}>
          {add.isPending ? ('gitUrl' in sourceOf(source) ? 'Cloning…' : 'Adding…') : 'Add'}
        </button>
      </div>
      {add.isError && (
        <p role="alert" className="error-text">
          {add.error instanceof ApiError ? add.error.message : String(add.error)}
        </p>
      )}
    </form>
  );
}
