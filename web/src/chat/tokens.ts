/**
 * The composer's tokens: `<@ID>` mentions people, `[[REPO]]`, `[[REPO:path#L10-20]]` and
 * `[[REPO::Symbol]]` link code. Completion reads what is being typed before the caret; insertion
 * replaces it with the chosen token.
 */

/** What the text before the caret is completing, and where that began. */
export type Completion =
  | { kind: 'person'; query: string; start: number }
  | { kind: 'repo'; query: string; start: number }
  | { kind: 'code'; repo: string; query: string; start: number }
  | { kind: 'symbol'; repo: string; query: string; start: number };

/**
 * The completion under the caret: `@al` (a person; after a space or at the start, so e-mail
 * addresses do not trigger it), `[[ac` (a repository), `[[acme:src/ma` (a file or symbol of it),
 * `[[acme::Ma` (a symbol). None once the link is closed or the mention has a space.
 */
export function completionAt(text: string, caret: number): Completion | null {
  const before = text.slice(0, caret);
  const link = before.lastIndexOf('[[');
  if (link >= 0 && !before.slice(link).includes(']]') && !/\n/.test(before.slice(link))) {
    const inner = before.slice(link + 2);
    const symbol = inner.indexOf('::');
    if (symbol >= 0)
      return {
        kind: 'symbol',
        repo: inner.slice(0, symbol),
        query: inner.slice(symbol + 2),
        start: link,
      };
    const colon = inner.indexOf(':');
    if (colon >= 0)
      return {
        kind: 'code',
        repo: inner.slice(0, colon),
        query: inner.slice(colon + 1),
        start: link,
      };
    if (!/\s/.test(inner)) return { kind: 'repo', query: inner, start: link };
  }
  const mention = /(^|[\s(])@([^\s@<>]{0,40})$/.exec(before);
  if (mention)
    return {
      kind: 'person',
      query: mention[2] ?? '',
      start: caret - (mention[2] ?? '').length - 1,
    };
  return null;
}

/** The text with `start..caret` replaced by `insertion`, and where the caret goes after it. */
export function insertAt(
  text: string,
  caret: number,
  start: number,
  insertion: string,
): { text: string; caret: number } {
  // A link already closed after the caret (the person edits inside one) is replaced whole.
  let end = caret;
  if (insertion.startsWith('[[') && insertion.endsWith(']]') && text.startsWith(']]', caret))
    end += 2;
  const next = text.slice(0, start) + insertion + text.slice(end);
  return { text: next, caret: start + insertion.length };
}

export const mentionToken = (userId: number) => `<@${userId}> `;
export const repoToken = (repo: string) => `[[${repo}]]`;
/** Choosing a repository keeps completing: its files and symbols come next. */
export const repoPrefix = (repo: string) => `[[${repo}:`;
export const fileToken = (repo: string, path: string, lines?: { from: number; to?: number }) =>
  `[[${repo}:${path}${lines ? `#L${lines.from}${lines.to && lines.to !== lines.from ? `-${lines.to}` : ''}` : ''}]]`;
export const symbolToken = (repo: string, symbol: string) => `[[${repo}::${symbol}]]`;

/** A piece of a body as plain text renders it (when the server sent no `html`). */
export type BodyPart =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; userId: number }
  | {
      kind: 'code';
      repo: string;
      path?: string;
      symbol?: string;
      lines?: { from: number; to: number };
      label: string;
    };

const TOKEN =
  /<@(\d+)>|\[\[([^\]\n:]+)(?:(::)([^\]\n]+)|:([^\]\n#]+)(?:#L(\d+)(?:-L?(\d+))?)?)?\]\]/g;

/** A body split into text, mentions and code links; everything else stays text. */
export function parseBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const m of body.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: body.slice(last, at) });
    last = at + m[0].length;
    if (m[1]) {
      parts.push({ kind: 'mention', userId: Number(m[1]) });
      continue;
    }
    const repo = m[2] ?? '';
    if (m[3]) {
      parts.push({ kind: 'code', repo, symbol: m[4] ?? '', label: `${repo}::${m[4] ?? ''}` });
    } else if (m[5]) {
      const from = m[6] ? Number(m[6]) : undefined;
      const to = m[7] ? Number(m[7]) : from;
      parts.push({
        kind: 'code',
        repo,
        path: m[5],
        ...(from !== undefined ? { lines: { from, to: to ?? from } } : {}),
        label: m[0].slice(2, -2),
      });
    } else {
      parts.push({ kind: 'code', repo, label: repo });
    }
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}
