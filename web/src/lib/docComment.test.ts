import { describe, expect, it } from 'vitest';
import { parseDoc, parseInline } from './docComment.ts';

describe('parseDoc', () => {
  it('reads Javadoc: paragraphs, inline code and links, and block tags', () => {
    const blocks = parseDoc(
      'Ensures that an object reference is not null.\n<p>See {@link Preconditions#checkArgument(boolean) checkArgument}\nand {@code null} &amp; friends.\n\n@param reference an object reference\n@return the non-null reference\n@throws NullPointerException if {@code reference} is null\n@author someone',
    );
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [{ kind: 'text', text: 'Ensures that an object reference is not null.' }],
      },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'See ' },
          { kind: 'link', text: 'checkArgument', target: 'Preconditions.checkArgument' },
          { kind: 'text', text: ' and ' },
          { kind: 'code', text: 'null' },
          { kind: 'text', text: ' & friends.' },
        ],
      },
      {
        kind: 'tags',
        tags: [
          {
            tag: 'Parameters',
            term: 'reference',
            inlines: [{ kind: 'text', text: 'an object reference' }],
          },
          { tag: 'Returns', inlines: [{ kind: 'text', text: 'the non-null reference' }] },
          {
            tag: 'Throws',
            term: 'NullPointerException',
            inlines: [
              { kind: 'text', text: 'if ' },
              { kind: 'code', text: 'reference' },
              { kind: 'text', text: ' is null' },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps <pre> and Go-indented code as code, lists as lists, and drops other HTML', () => {
    const javadoc = parseDoc(
      'Use it so:<pre>{@code\n  Foo f = new Foo();\n}</pre><ul><li>one<li><b>two</b></ul>',
    );
    expect(javadoc.map((b) => b.kind)).toEqual(['paragraph', 'code', 'list']);
    expect(javadoc[2]).toEqual({
      kind: 'list',
      items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]],
    });
    const go = parseDoc(
      'Copy copies from src to dst.\n\n\tn, err := io.Copy(dst, src)\n\nIt returns n.',
    );
    expect(go[1]).toEqual({ kind: 'code', text: 'n, err := io.Copy(dst, src)' });
    expect(go).toHaveLength(3);
  });

  it('reads Python fields and Rustdoc Markdown', () => {
    const python = parseDoc('Fetch a row.\n\n:param key: the ``id`` to read\n:returns: the row');
    expect(python[1]).toEqual({
      kind: 'tags',
      tags: [
        {
          tag: 'Parameters',
          term: 'key',
          inlines: [
            { kind: 'text', text: 'the ' },
            { kind: 'code', text: 'id' },
            { kind: 'text', text: ' to read' },
          ],
        },
        { tag: 'Returns', inlines: [{ kind: 'text', text: 'the row' }] },
      ],
    });
    expect(
      parseInline('See [`Vec::push`] and [docs](https://x.org) or [Foo](crate::Foo).'),
    ).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'Vec::push', target: 'Vec.push' },
      { kind: 'text', text: ' and docs or ' },
      { kind: 'link', text: 'Foo', target: 'crate.Foo' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('is empty for no comment', () => {
    expect(parseDoc(null)).toEqual([]);
    expect(parseDoc('  ')).toEqual([]);
  });
});
