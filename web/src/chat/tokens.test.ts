import { describe, expect, it } from 'vitest';
import {
  completionAt,
  fileToken,
  insertAt,
  mentionToken,
  parseBody,
  repoPrefix,
  symbolToken,
} from './tokens.ts';

const at = (text: string) => completionAt(text.replace('|', ''), text.indexOf('|'));

describe('completionAt', () => {
  it('completes a person after @ at the start or after a space', () => {
    expect(at('@al|')).toEqual({ kind: 'person', query: 'al', start: 0 });
    expect(at('hi @|')).toEqual({ kind: 'person', query: '', start: 3 });
  });

  it('does not complete inside an e-mail address or after a finished mention', () => {
    expect(at('mail ada@exa|')).toBeNull();
    expect(at('@ada done|')).toBeNull();
  });

  it('completes a repository, then its files, then its symbols', () => {
    expect(at('see [[ac|')).toEqual({ kind: 'repo', query: 'ac', start: 4 });
    expect(at('see [[acme:src/ma|')).toEqual({
      kind: 'code',
      repo: 'acme',
      query: 'src/ma',
      start: 4,
    });
    expect(at('[[acme::Main|')).toEqual({ kind: 'symbol', repo: 'acme', query: 'Main', start: 0 });
  });

  it('stops once the link is closed', () => {
    expect(at('[[acme]] and |')).toBeNull();
  });
});

describe('insertAt', () => {
  it('replaces the typed query with a mention token and puts the caret after it', () => {
    const text = 'hi @al';
    expect(insertAt(text, 6, 3, mentionToken(7))).toEqual({ text: 'hi <@7> ', caret: 8 });
  });

  it('keeps the text after the caret', () => {
    expect(insertAt('a [[ac b', 6, 2, repoPrefix('acme'))).toEqual({
      text: 'a [[acme: b',
      caret: 9,
    });
  });

  it('replaces a link that was already closed', () => {
    const text = '[[acme:ma]]';
    expect(insertAt(text, 9, 0, fileToken('acme', 'main.go', { from: 3, to: 9 }))).toEqual({
      text: '[[acme:main.go#L3-9]]',
      caret: 21,
    });
  });
});

describe('parseBody', () => {
  it('finds mentions and every kind of code link among text', () => {
    expect(
      parseBody(
        `ask <@12> about [[acme:a/b.go#L10-20]], ${symbolToken('acme', 'Run')} or [[acme]]`,
      ),
    ).toEqual([
      { kind: 'text', text: 'ask ' },
      { kind: 'mention', userId: 12 },
      { kind: 'text', text: ' about ' },
      {
        kind: 'code',
        repo: 'acme',
        path: 'a/b.go',
        lines: { from: 10, to: 20 },
        label: 'acme:a/b.go#L10-20',
      },
      { kind: 'text', text: ', ' },
      { kind: 'code', repo: 'acme', symbol: 'Run', label: 'acme::Run' },
      { kind: 'text', text: ' or ' },
      { kind: 'code', repo: 'acme', label: 'acme' },
    ]);
  });

  it('leaves markup as text', () => {
    expect(parseBody('<script>alert(1)</script>')).toEqual([
      { kind: 'text', text: '<script>alert(1)</script>' },
    ]);
  });
});
