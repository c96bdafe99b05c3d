import { parseDoc, type Inline } from '../lib/docComment.ts';

/** Where a symbol named in a doc comment leads, and what a plain click on it does. */
export interface DocLinks {
  href: (name: string) => string;
  open: (name: string) => void;
}

const MAX_BLOCKS = 8;

function inlines(parent: HTMLElement, parts: readonly Inline[], links: DocLinks | undefined) {
  for (const part of parts) {
    if (part.kind === 'text') parent.append(part.text);
    else if (part.kind === 'code') {
      const code = document.createElement('code');
      code.textContent = part.text;
      parent.append(code);
    } else if (links) {
      const a = document.createElement('a');
      // The member's own name: symbol search lists every definition of it.
      const name = part.target.split('.').pop() || part.target;
      a.href = links.href(name);
      const code = document.createElement('code');
      code.textContent = part.text;
      a.append(code);
      a.addEventListener('click', (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        links.open(name);
      });
      parent.append(a);
    } else {
      const code = document.createElement('code');
      code.textContent = part.text;
      parent.append(code);
    }
  }
}

/**
 * A doc comment drawn as paragraphs, code, lists and its tags (parameters, returns, throws), with
 * the symbols it names as links; built from DOM nodes, so a comment's HTML is never interpreted.
 */
export function renderDoc(doc: string | null | undefined, links?: DocLinks): HTMLElement | null {
  const blocks = parseDoc(doc);
  if (blocks.length === 0) return null;
  const root = document.createElement('div');
  root.className = 'hover-doc';
  for (const block of blocks.slice(0, MAX_BLOCKS)) {
    if (block.kind === 'paragraph') {
      const p = document.createElement('p');
      inlines(p, block.inlines, links);
      root.append(p);
    } else if (block.kind === 'code') {
      const pre = document.createElement('pre');
      pre.textContent = block.text;
      root.append(pre);
    } else if (block.kind === 'list') {
      const ul = document.createElement('ul');
      for (const item of block.items) {
        const li = document.createElement('li');
        inlines(li, item, links);
        ul.append(li);
      }
      root.append(ul);
    } else {
      const dl = document.createElement('dl');
      dl.className = 'doc-tags';
      let last = '';
      for (const tag of block.tags) {
        if (tag.tag !== last) {
          const dt = document.createElement('dt');
          dt.textContent = tag.tag;
          dl.append(dt);
          last = tag.tag;
        }
        const dd = document.createElement('dd');
        if (tag.term) {
          const term = document.createElement('code');
          term.textContent = tag.term;
          dd.append(term, ' – ');
        }
        inlines(dd, tag.inlines, links);
        dl.append(dd);
      }
      root.append(dl);
    }
  }
  if (blocks.length > MAX_BLOCKS) {
    const more = document.createElement('p');
    more.textContent = '…';
    root.append(more);
  }
  return root;
}
