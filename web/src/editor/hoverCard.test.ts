import { EditorState } from '@codemirror/state';
import { describe, expect, it, vi } from 'vitest';
import type { HoverTarget } from '../lib/hover.ts';
import { identifierAt, renderHoverCard } from './hoverCard.ts';

const target = (name: string, doc: string | null = null): HoverTarget => ({
  symbol: { path: 'src/demo/Accounts.java', ordinal: 2 },
  name,
  kind: 'METHOD',
  qualifiedName: `demo.Accounts.${name}`,
  line: 5,
  column: 17,
  signature: `public String ${name}(int id)`,
  doc,
  via: 'resolved',
});

describe('hover card', () => {
  it('shows the kind, signature, doc and a path:line link per definition', () => {
    const open = vi.fn();
    const card = renderHoverCard(
      [target('getUserName', 'The name of a user.')],
      (t) => `/code/${t.symbol.path}#L${t.line}`,
      open,
    );

    expect(card.getAttribute('role')).toBe('tooltip');
    expect(card.querySelector('.kind')?.textContent).toBe('method');
    expect(card.querySelector('.hover-signature')?.textContent).toBe(
      'public String getUserName(int id)',
    );
    expect(card.querySelector('.hover-doc')?.textContent).toBe('The name of a user.');
    const link = card.querySelector('a');
    expect(link?.textContent).toBe('src/demo/Accounts.java:5');
    expect(link?.getAttribute('href')).toBe('/code/src/demo/Accounts.java#L5');
    link?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ name: 'getUserName' }));
  });

  it('lists at most three definitions and says how many more there are', () => {
    const card = renderHoverCard(
      ['a', 'b', 'c', 'd', 'e'].map((n) => target(n)),
      () => '#',
      () => {},
    );

    expect(card.querySelectorAll('section')).toHaveLength(3);
    expect(card.querySelector('.hover-doc')).toBeNull();
    expect(card.querySelector('.hover-more')?.textContent).toContain('2 more');
  });

  it('finds the identifier under a position with its 1-based start column', () => {
    const state = EditorState.create({ doc: 'class A {\n  int getUserName() {}\n}' });

    expect(identifierAt(state, 18)).toEqual({ from: 16, to: 27, line: 2, column: 7 });
    expect(identifierAt(state, 9)).toBeUndefined();
  });

  it('renders the doc comment instead of its raw Javadoc, with links that navigate', () => {
    const open = vi.fn();
    const card = renderHoverCard(
      [target('getUserName', 'The name, see {@link Names#trim}.<p>@param id <b>the</b> id')],
      () => '#',
      () => {},
      { href: (name) => `/search?q=${name}`, open },
    );

    const doc = card.querySelector('.hover-doc');
    expect(doc?.innerHTML).not.toContain('&lt;');
    expect(doc?.textContent).toBe('The name, see Names.trim.Parametersid – the id');
    const link = doc?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/search?q=trim');
    link?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(open).toHaveBeenCalledWith('trim');
  });

  it('offers the references of each definition when asked to', () => {
    const references = vi.fn();
    const card = renderHoverCard(
      [target('getUserName')],
      () => '#',
      () => {},
      undefined,
      references,
    );

    card.querySelector<HTMLButtonElement>('button.hover-references')?.click();
    expect(references).toHaveBeenCalledWith(expect.objectContaining({ name: 'getUserName' }));
  });
});
