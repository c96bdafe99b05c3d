import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../lib/api.ts';

/** `/abs/path` is a folder on the server; anything with a scheme (or `git@`) is a git URL. */
export function sourceOf(input: string): { path: string } | { gitUrl: string } {
  const value = input.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')
    ? { gitUrl: value }
    : { path: value };
}

/** Adds a local folder or a git URL; the list then shows its indexing live. */
export function AddRepositoryForm() {
  const [source, setSource] = useState('');
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (value: string) => api.addRepository(sourceOf(value)),
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
          {add.isPending ? 'Adding…' : 'Add'}
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
