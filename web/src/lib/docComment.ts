/**
 * Doc comments as readable blocks: Javadoc and JSDoc (`{@link}`, `{@code}`, HTML, `@param`),
 * Go doc (paragraphs, indented code), Python docstrings (`:param x:`) and Rustdoc (Markdown).
 * The index keeps the comment's text without its markers; this turns what is left into data the
 * hover card draws with DOM nodes (never as HTML, so a comment cannot inject markup).
 */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  /** A reference to a symbol (`{@link Foo#bar}`, Rustdoc's `[Foo]`): `target` is `Foo.bar`. */
  | { kind: 'link'; text: string; target: string };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'list'; items: Inline[][] }
  /** Block tags: `@param id the user` is `{ tag: 'Parameters', term: 'id', inlines }`. */
  | { kind: 'tags'; tags: { tag: string; term?: string; inlines: Inline[] }[] };

const ENTITIES: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

const TAG_NAMES: Record<string, string> = {
  param: 'Parameters',
  arg: 'Parameters',
  argument: 'Parameters',
  return: 'Returns',
  returns: 'Returns',
  rtype: 'Returns',
  throws: 'Throws',
  exception: 'Throws',
  raises: 'Throws',
  see: 'See',
  since: 'Since',
  deprecated: 'Deprecated',
};

// Private-use characters mark what the HTML pass found, for the inline pass to read back.
const CODE_OPEN = '\uE000';
const CODE_CLOSE = '\uE001';
const LINK_OPEN = '\uE002';
const LINK_SEP = '\uE003';
const LINK_CLOSE = '\uE004';

function symbolName(reference: string): string {
  return reference
    .replace(/\(.*\)$/, '')
    .replace(/^#/, '')
    .replace(/#/g, '.')
    .replace(/::/g, '.');
}

/** `{@tag body}` with nested braces, from `start` (at the `{`); the end index or -1. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function inlineTags(text: string): string {
  let out = '';
  let at = 0;
  for (let i = text.indexOf('{@'); i >= 0; i = text.indexOf('{@', at)) {
    const end = closingBrace(text, i);
    if (end < 0) break;
    out += text.slice(at, i);
    const body = text.slice(i + 2, end);
    const space = body.search(/\s/);
    const tag = space < 0 ? body : body.slice(0, space);
    const rest = space < 0 ? '' : body.slice(space + 1).trim();
    if (tag === 'code' || tag === 'literal' || tag === 'value')
      out += CODE_OPEN + rest + CODE_CLOSE;
    else if (tag === 'link' || tag === 'linkplain') {
      const [reference = '', ...label] = rest.split(/\s+/);
      out += LINK_OPEN + (label.join(' ') || symbolName(reference)) + LINK_SEP;
      out += symbolName(reference) + LINK_CLOSE;
    } else out += rest;
    at = end + 1;
  }
  return out + text.slice(at);
}

/** HTML and Javadoc inline tags to plain lines with markers; `<pre>` becomes a fenced block. */
function flatten(doc: string): string {
  return inlineTags(doc)
    .replace(/<pre>\s*([\s\S]*?)<\/pre>/gi, (_, code: string) => `\n\n\`\`\`\n${code}\n\`\`\`\n\n`)
    .replace(/<\/?p\s*\/?>/gi, '\n\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li>/gi, '\n- ')
    .replace(/<\/?(ul|ol|li|dl|dt|dd|blockquote|div|h\d)[^>]*>/gi, '\n')
    .replace(/<code>([\s\S]*?)<\/code>/gi, (_, code: string) => CODE_OPEN + code + CODE_CLOSE)
    .replace(/<a\s[^>]*>([\s\S]*?)<\/a>/gi, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&(#39|[a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
}

/** Code spans, marked links and Markdown/Rustdoc links within one paragraph. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (inline: Inline) => {
    const last = out[out.length - 1];
    if (inline.kind === 'text' && last?.kind === 'text') last.text += inline.text;
    else if (inline.kind !== 'text' || inline.text) out.push(inline);
  };
  const pattern = new RegExp(
    `${CODE_OPEN}([\\s\\S]*?)${CODE_CLOSE}|${LINK_OPEN}([\\s\\S]*?)${LINK_SEP}([\\s\\S]*?)${LINK_CLOSE}` +
      '|``([^`]+)``|`([^`]+)`|\\[`?([^\\]`]+)`?\\]\\(([^)\\s]+)\\)|\\[`?([A-Za-z_][\\w:.#]*)`?\\](?!\\()',
    'g',
  );
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    push({ kind: 'text', text: text.slice(at, m.index) });
    if (m[1] !== undefined) push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined) push({ kind: 'link', text: m[2], target: m[3] ?? m[2] });
    else if (m[4] !== undefined || m[5] !== undefined)
      push({ kind: 'code', text: (m[4] ?? m[5])! });
    else if (m[6] !== undefined) {
      const url = m[7]!;
      // A URL stays text; a path-like target (Rustdoc's `[Foo](crate::Foo)`) is a symbol.
      if (/^[a-z]+:\/\//i.test(url)) push({ kind: 'text', text: m[6] });
      else push({ kind: 'link', text: m[6], target: symbolName(url) });
    } else if (m[8] !== undefined) push({ kind: 'link', text: m[8], target: symbolName(m[8]) });
    at = m.index + m[0].length;
  }
  push({ kind: 'text', text: text.slice(at) });
  return out;
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Block tags (`@param`, `:param x:`) out of the lines, in order. */
function splitTags(lines: string[]): {
  body: string[];
  tags: Extract<Block, { kind: 'tags' }>['tags'];
} {
  const body: string[] = [];
  const tags: Extract<Block, { kind: 'tags' }>['tags'] = [];
  let current: { tag: string; term?: string; text: string } | undefined;
  const flush = () => {
    if (current)
      tags.push({
        tag: current.tag,
        ...(current.term ? { term: current.term } : {}),
        inlines: parseInline(clean(current.text)),
      });
    current = undefined;
  };
  for (const line of lines) {
    const javadoc = /^\s*@(\w+)\s*(?:\{[^}]*\}\s*)?(.*)$/.exec(line);
    const python = /^\s*:(\w+)(?:\s+([^:]+))?:\s*(.*)$/.exec(line);
    const name = javadoc?.[1] ?? python?.[1];
    if (name && TAG_NAMES[name.toLowerCase()]) {
      flush();
      const tag = TAG_NAMES[name.toLowerCase()]!;
      let text = javadoc ? javadoc[2]! : python![3]!;
      let term = python?.[2]?.trim().split(/\s+/).pop();
      if (javadoc && (tag === 'Parameters' || tag === 'Throws')) {
        const [first = '', ...rest] = text.split(/\s+/);
        term = first.replace(/^\[|\]$/g, '');
        text = rest.join(' ').replace(/^-\s*/, '');
      }
      current = { tag, ...(term ? { term } : {}), text };
    } else if (/^\s*@\w+/.test(line)) {
      flush(); // an unknown tag (@author, @apiNote…): not worth a reader's time in a card
      current = undefined;
      body.push('');
    } else if (current) current.text += ' ' + line;
    else body.push(line);
  }
  flush();
  return { body, tags };
}

/** The blocks of a doc comment, in order; empty for no comment. */
export function parseDoc(doc: string | null | undefined): Block[] {
  if (!doc?.trim()) return [];
  const { body, tags } = splitTags(flatten(doc).split('\n'));
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const endParagraph = () => {
    const text = clean(paragraph.join(' '));
    if (text) blocks.push({ kind: 'paragraph', inlines: parseInline(text) });
    paragraph = [];
  };
  const endList = () => {
    if (list.length) blocks.push({ kind: 'list', items: list.map((i) => parseInline(clean(i))) });
    list = [];
  };
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (/^\s*```/.test(line)) {
      endParagraph();
      endList();
      const code: string[] = [];
      for (i++; i < body.length && !/^\s*```/.test(body[i]!); i++) code.push(body[i]!);
      blocks.push({ kind: 'code', text: code.join('\n').replace(/^\n+|\s+$/g, '') });
    } else if (/^(\t| {4})/.test(line) && paragraph.length === 0 && line.trim()) {
      // Go doc: an indented run after a blank line is code.
      endList();
      const code: string[] = [];
      for (; i < body.length && (/^(\t| {4})/.test(body[i]!) || !body[i]!.trim()); i++)
        code.push(body[i]!.replace(/^(\t| {4})/, ''));
      i--;
      blocks.push({ kind: 'code', text: code.join('\n').replace(/\s+$/, '') });
    } else if (/^\s*[-*•]\s+/.test(line)) {
      endParagraph();
      list.push(line.replace(/^\s*[-*•]\s+/, ''));
    } else if (!line.trim()) {
      endParagraph();
      endList();
    } else if (list.length && /^\s+/.test(line)) list[list.length - 1] += ' ' + line;
    else {
      endList();
      paragraph.push(line);
    }
  }
  endParagraph();
  endList();
  if (tags.length) blocks.push({ kind: 'tags', tags });
  return blocks;
}
