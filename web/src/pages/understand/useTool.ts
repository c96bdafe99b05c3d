import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** The query key of a tool's answer; `['tool', repo, name]` invalidates every call of it. */
export function toolKey(repo: number, name: string, args: Record<string, unknown> = {}) {
  return ['tool', repo, name, args] as const;
}

/**
 * A read-only tool's structured answer on a branch (default: the repository's default branch),
 * cached per repository, branch and arguments.
 */
export function useTool<T>(
  repo: number,
  name: string,
  args: Record<string, unknown> = {},
  branch?: string,
) {
  const all = branch ? { ...args, branch } : args;
  return useQuery({
    queryKey: toolKey(repo, name, all),
    queryFn: async ({ signal }) => (await api.tool<T>(repo, name, all, signal)).structured,
  });
}
