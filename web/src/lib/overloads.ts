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
 * Splits a parenthesised list at its top-level commas; `text[open]` must be `(`. `angle` counts
 * `<…>` as brackets: right for generic parameter types, wrong for `a < b` in a call.
 */
function topLevelArguments(text: string, open: number, angle: boolean): string[] | undefined {
  let depth = 0;
  let quote: string | undefined;
  let start = open + 1;
  const parts: string[] = [];
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{' || (angle && c === '<')) depth++;
    else if (c === ')' || c === ']' || c === '}' || (angle && c === '>')) {
      if (c === '>' && text[i - 1] === '-') continue; // Java lambdas, C pointers: not a bracket
      depth--;
      if (depth === 0) {
        parts.push(text.slice(start, i));
        return parts.map((p) => p.trim()).filter((p, _n, all) => p.length > 0 || all.length > 1);
      }
    } else if (c === ',' && depth === 1) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return undefined;
}

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
