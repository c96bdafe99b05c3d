import { api } from './api.ts';

/** A definition the `lsp_hover` tool found for the identifier under the pointer. */
export interface HoverTarget {
  symbol: { path: string; ordinal: number };
  name: string;
  kind: string;
  qualifiedName: string;
  line: number;
  column: number;
  signature: string;
  doc?: string | null;
  via: string;
}

/** `lsp_hover`'s structured answer (`identifier` is absent when no identifier is there). */
export interface HoverAnswer {
  identifier?: { name: string; line: number; column: number };
  hovers: HoverTarget[];
}

/** Where the pointer rests: a file position (1-based line and column of the word's start). */
export interface HoverPosition {
  path: string;
  line: number;
  column: number;
}

/** The query key of a hover: every position inside one word shares its cache entry. */
export function hoverKey(repo: number, branch: string | undefined, at: HoverPosition) {
  return ['hover', repo, branch ?? '', at.path, at.line, at.column] as const;
}

/** Asks the index (no language server) for the signature and doc of what is at `at`. */
export async function fetchHover(
  repo: number,
  branch: string | undefined,
  at: HoverPosition,
  signal?: AbortSignal,
): Promise<HoverAnswer> {
  const args: Record<string, unknown> = { path: at.path, line: at.line, column: at.column };
  if (branch) args.branch = branch;
  return (await api.tool<HoverAnswer>(repo, 'lsp_hover', args, signal)).structured;
}
