import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { identityApi, meKeys, orgKeys, type Me, type Member } from '../lib/identity.ts';

/** Who is signed in, the people of their org, and their names by id. */
export function useOrgPeople(): {
  me: ReturnType<typeof useQuery<Me>>;
  people: readonly Member[];
  names: ReadonlyMap<number, string>;
} {
  const me = useQuery({ queryKey: meKeys.all(), queryFn: ({ signal }) => identityApi.me(signal) });
  const org = me.data?.orgId;
  const members = useQuery({
    queryKey: orgKeys.members(org ?? 0),
    queryFn: ({ signal }) => identityApi.members(org ?? 0, signal),
    enabled: org !== undefined,
  });
  const people = useMemo(() => members.data ?? [], [members.data]);
  const names = useMemo(() => new Map(people.map((p) => [p.userId, p.displayName])), [people]);
  return { me, people, names };
}
