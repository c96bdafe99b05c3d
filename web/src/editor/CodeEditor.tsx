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
  highlightActiveLineGutter,
  lineNumbers,
} from '@codemirror/view';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import type { LineRange } from '../lib/permalink.ts';
import { hoverCard, type HoverCardOptions, identifierAt } from './hoverCard.ts';
import { languageSupport } from './languages.ts';

export interface CodeEditorProps {
  content: string;
  language: string;
  /** Lines to mark and scroll to (1-based, inclusive). */
  selected: LineRange | undefined;
  /** A click on a line number: `extend` when shift was held. */
  onLineClick: (line: number, extend: boolean) => void;
  label: string;
  /** Ctrl/Cmd-click or F12 on an identifier: go to its definition. */
  onGoToDefinition?: (word: string, line: number) => void;
  /** Hover cards (signature and doc) for identifiers; none without. */
  hover?: HoverCardOptions;
}

/** The identifier at a position, if any. */
function wordAt(state: EditorState, pos: number): { word: string; line: number } | undefined {
  const found = identifierAt(state, pos);
  return found && { word: state.sliceDoc(found.from, found.to), line: found.line };
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
  hover,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const click = useRef(onLineClick);
  click.current = onLineClick;
  const goTo = useRef(onGoToDefinition);
  goTo.current = onGoToDefinition;
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
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
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
              const hit = pos === null ? undefined : wordAt(v.state, pos);
              if (!hit) return false;
              event.preventDefault();
              goTo.current?.(hit.word, hit.line);
              return true;
            },
            keydown(event, v) {
              if (event.key !== 'F12') return false;
              const hit = wordAt(v.state, v.state.selection.main.head);
              if (!hit) return false;
              event.preventDefault();
              goTo.current?.(hit.word, hit.line);
              return true;
            },
          }),
          drawSelection(),
          syntaxHighlighting(classHighlighter),
          selectedLines,
          // Through the ref, so a new callback does not rebuild the editor.
          hoverCard({
            lookup: (line, column) =>
              hovers.current?.lookup(line, column) ?? Promise.resolve({ hovers: [] }),
            hrefOf: (target) => hovers.current?.hrefOf(target) ?? '#',
            open: (target) => hovers.current?.open(target),
          }),
          languageSlot.of([]),
        ],
      }),
    });
    view.current = editor;
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
    }
    editor.dispatch({ effects });
  }, [selected, content]);

  return <div className="code-editor" ref={host} />;
}
