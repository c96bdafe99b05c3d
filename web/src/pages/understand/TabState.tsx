import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';

/** Loading and error states shared by the tabs; renders `children` with the data once it came. */
export function TabState<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    );
  }
  if (query.isError) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}

/** What a tab says when the tool found nothing. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="muted empty-tab">{children}</p>;
}
