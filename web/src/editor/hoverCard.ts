import { type EditorState, type Extension, StateEffect, StateField } from '@codemirror/state';
import { hoverTooltip, keymap, showTooltip, type Tooltip } from '@codemirror/view';
import { type CallSite, callSite } from '../lib/callTypes.ts';
import type { HoverAnswer, HoverTarget } from '../lib/hover.ts';
import { renderDoc, type DocLinks } from './docView.ts';

/** The word under a position: its range and where it starts (1-based line and column). */
export interface WordAt {
  from: number;
  to: number;
  line: number;
  column: number;
}

export interface HoverCardOptions {
  /**
   * The hover for the word starting at line:column (cached by the caller), its definitions best
   * first for `call`, the call the word makes there, if any.
   */
  lookup: (line: number, column: number, call?: CallSite) => Promise<HoverAnswer>;
  /** The file's language, for reading the types of a call's arguments. */
  language?: string;
  /** Where the card's link leads. */
  hrefOf: (target: HoverTarget) => string;
  /** A plain click on the card's link. */
  open: (target: HoverTarget) => void;
  /** Where the symbols a doc comment names lead; plain code without. */
  docLinks?: DocLinks;
  /** Lists the references of a definition; the card offers it when given. */
  references?: (target: HoverTarget) => void;
}

const MAX_TARGETS = 3;

/** The identifier (not a number or punctuation) at a position, if any. */
export function identifierAt(state: EditorState, pos: number): WordAt | undefined {
  const range = state.wordAt(pos);
  if (!range || !/^[A-Za-z_$][\w$]*$/.test(state.sliceDoc(range.from, range.to))) return undefined;
  const line = state.doc.lineAt(range.from);
  return { from: range.from, to: range.to, line: line.number, column: range.from - line.from + 1 };
}

/** The card: per definition its kind, signature, doc comment and a `path:line` link. */
export function renderHoverCard(
  targets: readonly HoverTarget[],
  hrefOf: HoverCardOptions['hrefOf'],
  open: HoverCardOptions['open'],
  docLinks?: DocLinks,
  references?: (target: HoverTarget) => void,
): HTMLElement {
  const card = document.createElement('div');
  card.className = 'hover-card';
  card.setAttribute('role', 'tooltip');
  for (const target of targets.slice(0, MAX_TARGETS)) {
    const item = document.createElement('section');
    const head = document.createElement('p');
    head.className = 'hover-head';
    const kind = document.createElement('span');
    kind.className = `kind kind-${target.kind.toUpperCase()}`;
    kind.textContent = target.kind.toLowerCase();
    const link = document.createElement('a');
    link.href = hrefOf(target);
    link.textContent = `${target.symbol.path}:${target.line}`;
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      open(target);
    });
    head.append(kind, ' ', link);
    if (references) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'hover-references';
      button.textContent = 'References';
      button.title = 'Where this is used (Shift-F12)';
      button.addEventListener('click', () => references(target));
      head.append(' ', button);
    }
    const signature = document.createElement('pre');
    signature.className = 'hover-signature';
    signature.textContent = target.signature || target.qualifiedName;
    item.append(head, signature);
    const doc = renderDoc(target.doc, docLinks);
    if (doc) item.append(doc);
    card.append(item);
  }
  if (targets.length > MAX_TARGETS) {
    const more = document.createElement('p');
    more.className = 'hover-more';
    more.textContent = `… ${targets.length - MAX_TARGETS} more definitions (F12 lists them)`;
    card.append(more);
  }
  return card;
}

function tooltip(word: WordAt, answer: HoverAnswer, options: HoverCardOptions): Tooltip | null {
  if (answer.hovers.length === 0) return null;
  return {
    pos: word.from,
    end: word.to,
    above: true,
    create: () => ({
      dom: renderHoverCard(
        answer.hovers,
        options.hrefOf,
        options.open,
        options.docLinks,
        options.references,
      ),
    }),
  };
}

const setKeyboardCard = StateEffect.define<Tooltip | null>();

/** The card opened from the keyboard (Ctrl/Cmd-I); moving the cursor or Escape closes it. */
const keyboardCard = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setKeyboardCard)) return effect.value;
    return tr.selection || tr.docChanged ? null : value;
  },
  provide: (field) => showTooltip.from(field),
});

/**
 * Hover cards: resting the pointer on an identifier shows what it resolves to. The card appears
 * only once the answer is in (no empty or loading card), so nothing flickers.
 */
export function hoverCard(options: HoverCardOptions): Extension {
  const cardFor = async (state: EditorState, pos: number) => {
    const word = identifierAt(state, pos);
    if (!word) return null;
    const call = callSite(state.doc.toString(), word.to, options.language);
    try {
      return tooltip(word, await options.lookup(word.line, word.column, call), options);
    } catch {
      return null; // no card beats an error card on a passing pointer
    }
  };
  return [
    hoverTooltip((view, pos) => cardFor(view.state, pos), { hoverTime: 250 }),
    keyboardCard,
    keymap.of([
      {
        key: 'Mod-i',
        run(view) {
          const state = view.state;
          void cardFor(state, state.selection.main.head).then((card) => {
            if (view.state === state) view.dispatch({ effects: setKeyboardCard.of(card) });
          });
          return true;
        },
      },
      {
        key: 'Escape',
        run(view) {
          if (!view.state.field(keyboardCard)) return false;
          view.dispatch({ effects: setKeyboardCard.of(null) });
          return true;
        },
      },
    ]),
  ];
}
