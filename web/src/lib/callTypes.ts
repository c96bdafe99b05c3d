import { topLevelArguments } from './argumentList.ts';

/**
 * The types of a call's arguments, where the text says them: literals, `new Foo(…)`, casts, and
 * names declared in the file (locals, parameters, fields) with a type or a literal initialiser.
 * Types are canonical: primitives and strings in lower case (`int`, `string`, `boolean`), `null`,
 * classes by their simple name without type arguments (`List`), arrays with `[]`.
 */
export interface CallSite {
  arity: number;
  /** Per argument, its type; undefined where the text does not tell. */
  argTypes: (string | undefined)[];
}

const BOXED: Record<string, string> = {
  String: 'string',
  str: 'string',
  '&str': 'string',
  Integer: 'int',
  Int: 'int',
  i32: 'int',
  Long: 'long',
  i64: 'long',
  int64: 'long',
  Short: 'short',
  Byte: 'byte',
  Character: 'char',
  Char: 'char',
  Boolean: 'boolean',
  bool: 'boolean',
  Double: 'double',
  f64: 'double',
  float64: 'double',
  Float: 'float',
  f32: 'float',
  float32: 'float',
  number: 'double',
};

/**
 * The canonical form of a declared type: `final List<String>` is `List`, `Integer` is `int`; a
 * varargs parameter keeps its `...` (`Object...`).
 */
export function canonicalType(declared: string): string {
  let t = declared
    .replace(/@\w+(\([^)]*\))?\s*/g, '')
    .replace(/\b(final|const|readonly|mut|volatile)\s+/g, '')
    .trim();
  let suffix = '';
  let varargs = '';
  if (t.endsWith('...')) {
    t = t.slice(0, -3).trim();
    varargs = '...';
  }
  while (t.endsWith('[]')) {
    t = t.slice(0, -2).trim();
    suffix += '[]';
  }
  if (t.startsWith('[]')) {
    // Go slices
    t = t.slice(2);
    suffix += '[]';
  }
  t = t.replace(/<.*>$/s, '').replace(/\?$/, '').trim();
  t = t.slice(t.lastIndexOf('.') + 1);
  return (BOXED[t] ?? t) + suffix + varargs;
}

const PRIMITIVE_NUMBERS = ['byte', 'short', 'char', 'int', 'long', 'float', 'double'];
const PRIMITIVES = new Set([...PRIMITIVE_NUMBERS, 'boolean']);

/** What a primitive widens to without a cast (Java, C#, Kotlin's literals, C). */
const WIDENS: Record<string, string[]> = {
  byte: ['short', 'int', 'long', 'float', 'double'],
  short: ['int', 'long', 'float', 'double'],
  char: ['int', 'long', 'float', 'double'],
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
};

/** Types anything (but a primitive) is assignable to, without knowing the class hierarchy. */
const TOP = new Set(['Object', 'any', 'unknown', 'interface{}', 'dynamic', 'object']);

/** Interfaces and supertypes of the types a literal has. */
const SUPERTYPES: Record<string, string[]> = {
  string: ['CharSequence', 'Comparable', 'Serializable', 'Stringer'],
  int: ['Number', 'Comparable', 'Serializable'],
  long: ['Number', 'Comparable', 'Serializable'],
  double: ['Number', 'Comparable', 'Serializable'],
  float: ['Number', 'Comparable', 'Serializable'],
  short: ['Number', 'Comparable', 'Serializable'],
  byte: ['Number', 'Comparable', 'Serializable'],
  char: ['Comparable', 'Serializable'],
  boolean: ['Comparable', 'Serializable'],
};

/** The type of a literal or simple expression, if the text alone says it. */
export function expressionType(
  expression: string,
  declared: ReadonlyMap<string, string> = new Map(),
  language = 'java',
): string | undefined {
  const e = expression.trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(e) || /^"""[\s\S]*"""$/.test(e) || /^`[^`]*`$/.test(e))
    return 'string';
  if (/^'(?:[^'\\]|\\.)*'$/.test(e))
    return ['javascript', 'typescript', 'tsx', 'python', 'php', 'ruby'].includes(language)
      ? 'string'
      : 'char';
  if (/^(true|false|True|False)$/.test(e)) return 'boolean';
  if (/^(null|nil|None|undefined|nullptr)$/.test(e)) return 'null';
  if (/^-?(0[xX][\da-fA-F_]+|0[bB][01_]+|\d[\d_]*)[lL]$/.test(e)) return 'long';
  if (/^-?(0[xX][\da-fA-F_]+|0[bB][01_]+|\d[\d_]*)$/.test(e))
    return ['javascript', 'typescript', 'tsx'].includes(language) ? 'double' : 'int';
  if (/^-?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][-+]?\d+)?[fF]$/.test(e)) return 'float';
  if (
    /^-?(\d[\d_]*\.[\d_]*|\.\d[\d_]*|\d[\d_]*[eE][-+]?\d+)[dD]?$/.test(e) ||
    /^-?\d+[dD]$/.test(e)
  )
    return 'double';
  const created = /^new\s+([\w.]+(?:<[^()]*>)?)\s*(\(|\[)/.exec(e);
  if (created) return canonicalType(created[1]!) + (created[2] === '[' ? '[]' : '');
  const cast = /^\(\s*([\w.]+(?:<[^()]*>)?(?:\[\])*)\s*\)\s*[\w.("']/.exec(e);
  if (cast && /^[A-Z]|^(int|long|short|byte|char|double|float|boolean)\b/.test(cast[1]!))
    return canonicalType(cast[1]!);
  if (/^"(?:[^"\\]|\\.)*"\s*\+/.test(e) || /\+\s*"(?:[^"\\]|\\.)*"$/.test(e)) return 'string';
  const name = /^(?:this\.|self\.)?([A-Za-z_$][\w$]*)$/.exec(e);
  if (name) return declared.get(name[1]!);
  return undefined;
}

// `Type name` followed by `=`, `;`, `,`, `)` or `:` (Java, C#, C, C++ locals, parameters, fields);
// the type is a class (capitalised), a primitive, or `var`.
const TYPED_NAME =
  /(?<![\w.])((?:[A-Z][\w]*\.)*[A-Z][\w]*(?:<[^;(){}=]*?>)?(?:\[\])*(?:\.\.\.)?|(?:int|long|short|byte|char|boolean|double|float|var|val|let|auto)(?:\[\])*)\s+([a-zA-Z_$][\w$]*)\s*(?=[=;,):])/g;
// `name: Type` (TypeScript, Kotlin, Rust, Python annotations, Swift).
const ANNOTATED =
  /(?<![\w.])([a-zA-Z_$][\w$]*)\s*:\s*(&?[A-Za-z_][\w.]*(?:<[^;(){}=]*?>)?(?:\[\])*)/g;
// `var name Type` (Go).
const GO_VAR = /\bvar\s+([a-zA-Z_]\w*)\s+(\*?(?:\[\])?[A-Za-z_][\w.]*)/g;
// `name := value` (Go), `let name = value`, `var name = value`, `val`, `const`, `auto` (JS/TS,
// Rust, Kotlin, Java's var, C++): declarations only; a later assignment does not change a type.
const INFERRED =
  /(?:\b(?:var|let|const|val|auto)\s+(?:mut\s+)?([a-zA-Z_$][\w$]*)\s*=|(?<![\w.])([a-zA-Z_]\w*)\s*:=)\s*([^;\n]+)/g;

/**
 * The type of each name declared before `before` in the file (the nearest declaration wins, so a
 * local shadows a field), then of the names declared after it (fields below a method).
 */
export function declaredTypes(
  text: string,
  before: number,
  language = 'java',
): Map<string, string> {
  const found = declarations(text, language);
  const types = new Map<string, string>();
  // After the call first, then before it in order: the last write, the nearest before, wins.
  for (const d of found) if (d.at >= before && !types.has(d.name)) types.set(d.name, d.type);
  for (const d of found) if (d.at < before) types.set(d.name, d.type);
  return types;
}

interface Declaration {
  at: number;
  name: string;
  type: string;
}

// The last file's declarations: hovering and F12 in one file read the same text again and again.
let lastScan: { text: string; language: string; found: Declaration[] } | undefined;

/** Every typed declaration in the file, in text order. */
function declarations(text: string, language: string): Declaration[] {
  if (lastScan && lastScan.language === language && lastScan.text === text) return lastScan.found;
  const found: Declaration[] = [];
  const add = (at: number, name: string, type: string | undefined) => {
    if (type && type !== 'var' && type !== 'val' && type !== 'let' && type !== 'auto')
      found.push({ at, name, type });
  };
  for (const m of text.matchAll(TYPED_NAME)) {
    const type = m[1]!;
    if (/^(var|val|let|auto)$/.test(type)) continue; // the initialiser says it: INFERRED
    add(m.index, m[2]!, canonicalType(type));
  }
  if (['typescript', 'tsx', 'kotlin', 'rust', 'python', 'swift', 'scala'].includes(language))
    for (const m of text.matchAll(ANNOTATED)) add(m.index, m[1]!, canonicalType(m[2]!));
  if (language === 'go')
    for (const m of text.matchAll(GO_VAR)) add(m.index, m[1]!, canonicalType(m[2]!));
  for (const m of text.matchAll(INFERRED)) {
    const value = m[3]!.trim().replace(/[;,)]\s*$/, '');
    add(m.index, (m[1] ?? m[2])!, expressionType(value, new Map(), language));
  }
  found.sort((a, b) => a.at - b.at);
  lastScan = { text, language, found };
  return found;
}

/**
 * The call after a name: its arguments' count and types. `text` is the file, `nameEnd` the offset
 * just after the name. Undefined when the name is not called there.
 */
export function callSite(text: string, nameEnd: number, language = 'java'): CallSite | undefined {
  const after = text.slice(nameEnd, nameEnd + 4000);
  const open = after.search(/\S/);
  if (open < 0 || after[open] !== '(') return undefined;
  const args = topLevelArguments(after, open, false);
  if (!args) return undefined;
  const declared = declaredTypes(text, nameEnd, language);
  return { arity: args.length, argTypes: args.map((a) => expressionType(a, declared, language)) };
}

/** The parameters of a signature, each with its canonical type (undefined when untyped). */
export function parameterTypes(
  signature: string,
  name: string,
): (string | undefined)[] | undefined {
  const at = signature.indexOf(`${name}(`);
  const open = at >= 0 ? at + name.length : signature.indexOf('(');
  if (open < 0) return undefined;
  const params = topLevelArguments(signature, open, true);
  if (!params) return undefined;
  return params
    .filter((p) => !/^(self|cls|&?(mut )?self|this)$/.test(p))
    .map((p) => {
      const plain = p
        .replace(/=.*$/s, '')
        .replace(/@\w+(\([^)]*\))?\s*/g, '')
        .trim();
      const colon = /^[\w$]+\??\s*:\s*(.+)$/.exec(plain);
      if (colon) return canonicalType(colon[1]!);
      // `Type name` (Java, C#, C) or `name Type` (Go): the type is the part that is not a bare name
      const parts = plain.split(/\s+(?![^<]*>)/);
      if (parts.length < 2) return undefined;
      const go =
        /^[a-z_]\w*$/.test(parts[0]!) && !PRIMITIVES.has(parts[0]!) && parts[0] !== 'final';
      const type = go ? parts.slice(1).join(' ') : parts.slice(0, -1).join(' ');
      return canonicalType(type);
    });
}

/** Type variables a signature declares (`<T, K extends Comparable<K>>`): anything fits them. */
function typeVariables(signature: string): Set<string> {
  const declared = /<([^()]*?)>\s*[\w<>[\]?,\s.]*\b\w+\s*\(/.exec(signature);
  const found = new Set<string>();
  if (declared) for (const m of declared[1]!.matchAll(/(?:^|,)\s*([A-Z]\w*)/g)) found.add(m[1]!);
  return found;
}

/**
 * How well an argument of type `arg` fits a parameter of type `param`, in the order Java resolves
 * overloads: 3 the same type, 2 a known supertype or boxing to its own box, 1 a widening, a type
 * variable or a top type, 0.5 a primitive boxed to a top type, 0 unknown (either side unknown, or
 * two classes whose relation the index does not know), -1 impossible.
 */
export function fit(arg: string | undefined, param: string | undefined, vars: Set<string>): number {
  if (arg === undefined || param === undefined) return 0;
  if (arg === param) return 3;
  if (vars.has(param)) return 1;
  if (param.endsWith('[]') && vars.has(param.slice(0, -2))) return arg.endsWith('[]') ? 1 : -1;
  if (arg === 'null') return PRIMITIVES.has(param) ? -1 : 1;
  if (TOP.has(param)) return PRIMITIVES.has(arg) ? 0.5 : 1;
  if (PRIMITIVES.has(arg) || arg === 'string') {
    if (SUPERTYPES[arg]?.includes(param)) return 2;
    if (WIDENS[arg]?.includes(param)) return 1;
    if (PRIMITIVES.has(param) || param === 'string') return -1;
    // A literal's type is final: it fits no other class.
    return /^[A-Z]/.test(param) || param.endsWith('[]') ? -1 : 0;
  }
  // A class argument: never a primitive or a string parameter; otherwise maybe a subtype.
  if (PRIMITIVES.has(param) || param === 'string') return -1;
  return 0;
}

export interface Ranked<T> {
  site: T;
  /** Sum of the arguments' fits; higher is better. */
  score: number;
}

/**
 * Orders overloads by how well the call's argument types fit their parameters, best first (the
 * input order among equals); drops those an argument cannot fit, unless that would drop them all.
 * `leads` when the first fits strictly better than the second; `decided` when it does so on
 * arguments whose types are known (an unknown one where they differ could still turn the order).
 */
export function rankByArguments<T extends { name: string; signature?: string }>(
  sites: readonly T[],
  call: CallSite,
): { ranked: Ranked<T>[]; decided: boolean; leads: boolean } {
  const scored = sites.map((site, order) => {
    const params = site.signature ? parameterTypes(site.signature, site.name) : undefined;
    // The parameter each argument goes to; a varargs parameter takes its element type, or the
    // array itself when it is the one argument for it.
    const slots: (string | undefined)[] = [];
    let score = 0;
    let possible = true;
    if (params) {
      const vars = typeVariables(site.signature!);
      const last = params.length - 1;
      const varargs = last >= 0 && (params[last] ?? '').endsWith('...');
      let spread = false;
      call.argTypes.forEach((arg, i) => {
        let param = params[Math.min(i, last)];
        if (varargs && i >= last) {
          const element = param!.slice(0, -3);
          const whole = i === last && call.arity === params.length && arg === element + '[]';
          param = whole ? element + '[]' : element;
          spread ||= !whole;
        } else if (i > last) param = undefined;
        slots.push(param);
        const f = fit(arg, param, vars);
        if (f < 0) possible = false;
        score += f;
      });
      // Java tries variable arity last: any fixed-arity fit is more specific.
      if (spread) score -= 0.75;
    }
    return { site, score, possible, order, slots };
  });
  const possible = scored.filter((s) => s.possible);
  const kept = possible.length > 0 ? possible : scored;
  kept.sort((a, b) => b.score - a.score || a.order - b.order);
  const [best, second] = kept;
  const leads =
    kept.length === 1 || (best !== undefined && second !== undefined && best.score > second.score);
  const decided =
    leads &&
    (kept.length === 1 ||
      call.argTypes.every((t, i) => t !== undefined || best!.slots[i] === second!.slots[i]));
  return { ranked: kept.map(({ site, score }) => ({ site, score })), decided, leads };
}
