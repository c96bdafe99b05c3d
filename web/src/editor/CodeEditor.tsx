import { useEffect, useRef } from 'react';
import {
  Compartment,
  EditorState,
  RangeSetBuilder,
  StateEffect,
  StateField,
} from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import {
  gotoLine,
  highlightSelectionMatches,
  openSearchPanel,
  search,
  searchKeymap,
} from '@codemirror/search';
import { findCount } from './findCount.ts';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import type { LineRange } from '../lib/permalink.ts';
import { hoverCard, type HoverCardOptions, identifierAt } from './hoverCard.ts';
import { languageSupport } from './languages.ts';
import { type CallSite, callSite } from '../lib/callTypes.ts';

export interface CodeEditorProps {
  content: string;
  language: string;
  /** Lines to mark and scroll to (1-based, inclusive). */
  selected: LineRange | undefined;
  /** A click on a line number: `extend` when shift was held. */
  onLineClick: (line: number, extend: boolean) => void;
  label: string;
  /** Ctrl/Cmd-click or F12 on an identifier: go to its definition. */
  onGoToDefinition?: (at: DefinitionRequest) => void;
  /** Shift-F12 (or the hover card's button): the references of what is at the caret. */
  onFindReferences?: (at: DefinitionRequest) => void;
  /** Hover cards (signature and doc) for identifiers; none without. */
  hover?: HoverCardOptions;
}

/**
 * A go-to-definition: the name, where it is (1-based line and start column) and, when it is
 * called there, the call's argument count and the types the file tells of its arguments (to tell
 * overloads apart).
 */
export interface DefinitionRequest {
  word: string;
  line: number;
  column: number;
  call: CallSite | undefined;
}

function wordAt(state: EditorState, pos: number, language: string): DefinitionRequest | undefined {
  const found = identifierAt(state, pos);
  if (!found) return undefined;
  return {
    word: state.sliceDoc(found.from, found.to),
    line: found.line,
    column: found.column,
    call: callSite(state.doc.toString(), found.to, language),
  };
}

const setSelected = StateEffect.define<LineRange | undefined>();

const selectedLines = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const effect of tr.effects) {
      if (effect.is(setSelected)) next = decorate(tr.state, effect.value);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const mark = Decoration.line({ class: 'cm-permalink-line' });

function decorate(state: EditorState, range: LineRange | undefined): DecorationSet {
  if (!range) return Decoration.none;
  const builder = new RangeSetBuilder<Decoration>();
  const last = Math.min(range.to, state.doc.lines);
  for (let n = range.from; n <= last; n++)
    builder.add(state.doc.line(n).from, state.doc.line(n).from, mark);
  return builder.finish();
}

/** A read-only CodeMirror 6 view; CodeMirror renders only the visible lines of a large file. */
export default function CodeEditor({
  content,
  language,
  selected,
  onLineClick,
  label,
  onGoToDefinition,
  onFindReferences,
  hover,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const click = useRef(onLineClick);
  click.current = onLineClick;
  const goTo = useRef(onGoToDefinition);
  goTo.current = onGoToDefinition;
  const findReferences = useRef(onFindReferences);
  findReferences.current = onFindReferences;
  const hovers = useRef(hover);
  hovers.current = hover;

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    const started = performance.now();
    const languageSlot = new Compartment();
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: content,
        extensions: [
          // Read-only but focusable and editable in the DOM sense: the caret shows, the arrow keys
          // move it, and F12, Ctrl-I and Ctrl-F act where it is without a click first.
          EditorState.readOnly.of(true),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true' }),
          search({ top: true }),
          findCount,
          highlightSelectionMatches(),
          keymap.of([{ key: 'Alt-g', run: gotoLine }, ...searchKeymap]),
          highlightActiveLine(),
          lineNumbers({
            domEventHandlers: {
              mousedown(v, line, event) {
                const number = v.state.doc.lineAt(line.from).number;
                click.current(number, (event as MouseEvent).shiftKey);
                return true;
              },
            },
          }),
          highlightActiveLineGutter(),
          EditorView.domEventHandlers({
            click(event, v) {
              if (!(event.ctrlKey || event.metaKey)) return false;
              const pos = v.posAtCoords({ x: event.clientX, y: event.clientY });
              const hit = pos === null ? undefined : wordAt(v.state, pos, language);
              if (!hit) return false;
              event.preventDefault();
              goTo.current?.(hit);
              return true;
            },
            keydown(event, v) {
              if (event.key !== 'F12') return false;
              const hit = wordAt(v.state, v.state.selection.main.head, language);
              if (!hit) return false;
              event.preventDefault();
              if (event.shiftKey) findReferences.current?.(hit);
              else goTo.current?.(hit);
              return true;
            },
          }),
          drawSelection(),
          syntaxHighlighting(classHighlighter),
          selectedLines,
          // Through the ref, so a new callback does not rebuild the editor.
          hoverCard({
            language,
            lookup: (line, column, call) =>
              hovers.current?.lookup(line, column, call) ?? Promise.resolve({ hovers: [] }),
            hrefOf: (target) => hovers.current?.hrefOf(target) ?? '#',
            open: (target) => hovers.current?.open(target),
            references: (target) => hovers.current?.references?.(target),
            docLinks: {
              href: (name) => hovers.current?.docLinks?.href(name) ?? '#',
              open: (name) => hovers.current?.docLinks?.open(name),
            },
          }),
          languageSlot.of([]),
        ],
      }),
    });
    view.current = editor;
    // Ctrl-F anywhere on the page finds in this file: the browser's find would miss the lines
    // CodeMirror has not drawn.
    const onFind = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'f')
        return;
      if (editor.dom.contains(event.target as Node)) return; // the editor's own keymap has it
      const target = event.target as HTMLElement | null;
      if (target?.closest?.('input, textarea, select, [role="dialog"]')) return;
      event.preventDefault();
      editor.focus();
      openSearchPanel(editor);
    };
    window.addEventListener('keydown', onFind);
    requestAnimationFrame(() => {
      // Read by the end-to-end test and the benchmark: from data in hand to first painted frame.
      document.documentElement.dataset.codeRenderMs = (performance.now() - started).toFixed(1);
    });
    let cancelled = false;
    void languageSupport(language).then((support) => {
      if (!cancelled && support) editor.dispatch({ effects: languageSlot.reconfigure(support) });
    });
    return () => {
      cancelled = true;
      window.removeEventListener('keydown', onFind);
      editor.destroy();
      view.current = null;
    };
  }, [content, language, label]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const effects: StateEffect<unknown>[] = [setSelected.of(selected)];
    if (selected && selected.from <= editor.state.doc.lines) {
      const pos = editor.state.doc.line(selected.from).from;
      effects.push(EditorView.scrollIntoView(pos, { y: 'center' }));
      // The caret starts on the linked line, so the keyboard carries on from there.
      editor.dispatch({ effects, selection: { anchor: pos } });
      return;
    }
    editor.dispatch({ effects });
  }, [selected, content]);

  return <div className="code-editor" ref={host} />;
}
