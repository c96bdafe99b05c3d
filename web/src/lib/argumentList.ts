/**
 * Splits a parenthesised list at its top-level commas; `text[open]` must be `(`. `angle` counts
 * `<…>` as brackets: right for generic parameter types, wrong for `a < b` in a call.
 */
export function topLevelArguments(
  text: string,
  open: number,
  angle: boolean,
): string[] | undefined {
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
