import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** The query key of a tool's answer; `['tool', repo, name]` invalidates every call of it. */
export function toolKey(repo: number, name: string, args: Record<string, unknown> = {}) {
  return ['tool', repo, name, args] as const;
}

/** A read-only tool's structured answer, cached per repository and arguments. */
export function useTool<T>(repo: number, name: string, args: Record<string, unknown> = {}) {
  return useQuery({
    queryKey: toolKey(repo, name, args),
    queryFn: async ({ signal }) => (await api.tool<T>(repo, name, args, signal)).structured,
  });
}
