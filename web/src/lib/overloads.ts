import { topLevelArguments } from './argumentList.ts';
import { type CallSite, rankByArguments } from './callTypes.ts';

/** A definition a go-to-definition may land on. */
export interface Candidate {
  name: string;
  kind: string;
  path: string;
  line: number;
  qualifiedName: string;
  signature?: string;
}

const TYPES = new Set(['class', 'interface', 'enum', 'record', 'struct', 'trait', 'type_alias']);

/**
 * How many arguments the call after an identifier passes: `text` from the end of the name on.
 * Undefined when the name is not called there (or the call does not close in the text).
 */
export function callArity(textAfterName: string): number | undefined {
  const open = textAfterName.search(/\S/);
  if (open < 0 || textAfterName[open] !== '(') return undefined;
  return topLevelArguments(textAfterName, open, false)?.length;
}

/** The parameter count of a signature (`min`, and `max` unbounded for varargs); undefined if none. */
export function paramArity(
  signature: string,
  name: string,
): { min: number; max: number } | undefined {
  const at = signature.indexOf(`${name}(`);
  const open = at >= 0 ? at + name.length : signature.indexOf('(');
  if (open < 0) return undefined;
  const params = topLevelArguments(signature, open, true);
  if (!params) return undefined;
  const kept = params.filter((p) => !/^(self|cls|&?(mut )?self)$/.test(p));
  const varargs = kept.some((p) => p.includes('...') || /^\*/.test(p));
  const optional = kept.filter((p) => /=|\?:/.test(p)).length;
  return {
    min: kept.length - optional - (varargs ? 1 : 0),
    max: varargs ? Number.POSITIVE_INFINITY : kept.length,
  };
}

/**
 * Narrows where a go-to-definition lands: a type and its constructors named alike mean the type;
 * overloads are kept to those whose parameter count fits the call. A filter that would leave
 * nothing is skipped, so an unknown signature never hides the only answer.
 */
export function narrowDefinitions<T extends Candidate>(sites: readonly T[], arity?: number): T[] {
  let out = [...sites];
  const types = out.filter((s) => TYPES.has(s.kind.toLowerCase()));
  if (types.length > 0) {
    const typed = out.filter((s) => s.kind.toLowerCase() !== 'constructor');
    if (typed.length > 0) out = typed;
  }
  if (arity !== undefined) {
    const fitting = out.filter((s) => {
      const params = s.signature ? paramArity(s.signature, s.name) : undefined;
      return params === undefined || (arity >= params.min && arity <= params.max);
    });
    if (fitting.length > 0) out = fitting;
  }
  return out;
}

/**
 * Where a go-to-definition may land, best first: {@link narrowDefinitions} by kind and argument
 * count, then ranked by how the call's argument types fit each overload's parameters. `decided`
 * when one is the answer (the only one left, or a clear best on known types); otherwise the
 * candidates are listed in this order, and `leads` says whether the first fits better than the rest.
 */
export function rankDefinitions<T extends Candidate>(
  sites: readonly T[],
  call: CallSite | undefined,
): { sites: T[]; decided: boolean; leads: boolean } {
  const narrowed = narrowDefinitions(sites, call?.arity);
  if (!call || narrowed.length < 2) {
    const one = narrowed.length === 1;
    return { sites: narrowed, decided: one, leads: one };
  }
  const { ranked, decided, leads } = rankByArguments(narrowed, call);
  return { sites: ranked.map((r) => r.site), decided, leads };
}
