import { getSearchQuery, searchPanelOpen } from '@codemirror/search';
import type { EditorState } from '@codemirror/state';
import { ViewPlugin, type EditorView, type ViewUpdate } from '@codemirror/view';

/** Counting stops here: past it the panel says "10000+". */
const MAX_COUNTED = 10_000;

/** How many matches the find panel's query has, and which of them is selected (1-based, or 0). */
export function countMatches(state: EditorState): { current: number; total: number } {
  const query = getSearchQuery(state);
  if (!query.valid || !query.search) return { current: 0, total: 0 };
  const selection = state.selection.main;
  const cursor = query.getCursor(state);
  let total = 0;
  let current = 0;
  for (let next = cursor.next(); !next.done && total < MAX_COUNTED; next = cursor.next()) {
    total++;
    if (next.value.from === selection.from && next.value.to === selection.to) current = total;
  }
  return { current, total };
}

/**
 * Shows "3 of 12" in CodeMirror's find panel (Ctrl-F), which has no count of its own, and
 * announces it to screen readers. The browser's own find cannot do this: it sees only the lines
 * CodeMirror has drawn.
 */
export const findCount = ViewPlugin.fromClass(
  class {
    private label: HTMLElement | undefined;

    constructor(view: EditorView) {
      this.render(view);
    }

    update(update: ViewUpdate) {
      if (
        update.docChanged ||
        update.selectionSet ||
        update.transactions.some((t) => t.effects.length > 0)
      )
        this.render(update.view);
    }

    private render(view: EditorView) {
      if (!searchPanelOpen(view.state)) return;
      const panel = view.dom.querySelector('.cm-search');
      if (!panel) return;
      if (!this.label || !panel.contains(this.label)) {
        this.label = document.createElement('span');
        this.label.className = 'cm-search-count';
        this.label.setAttribute('role', 'status');
        this.label.setAttribute('aria-live', 'polite');
        panel.insertBefore(this.label, panel.children[1] ?? null);
      }
      const { current, total } = countMatches(view.state);
      const query = getSearchQuery(view.state);
      this.label.textContent = !query.search
        ? ''
        : total === 0
          ? 'No matches'
          : `${current > 0 ? `${current} of ` : ''}${total >= MAX_COUNTED ? `${MAX_COUNTED}+` : total} match${total === 1 ? '' : 'es'}`;
    }
  },
);
