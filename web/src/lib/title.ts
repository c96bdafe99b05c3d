import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';

/** Sets the browser tab's title for a view: `what · Atelier`. */
export function usePageTitle(what: string | undefined): void {
  useEffect(() => {
    document.title = what ? `${what} · Atelier` : 'Atelier';
  }, [what]);
}

/** A view of one repository: `what · repository · Atelier` (the name once it is known). */
export function useRepoTitle(repo: number, what: string | undefined): void {
  const info = useQuery({
    queryKey: ['repo', repo],
    queryFn: ({ signal }) => api.repo(repo, signal),
  });
  const name = info.data?.name ?? `repository ${repo}`;
  usePageTitle(what ? `${what} · ${name}` : name);
}
