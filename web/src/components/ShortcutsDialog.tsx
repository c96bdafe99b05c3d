import { useEffect, useRef, useState } from 'react';
import { useDialog } from './useDialog.ts';
import { isTyping } from './SearchBox.tsx';

/** Every keyboard shortcut of the app, by where it works. */
export const SHORTCUTS: ReadonlyArray<{ where: string; keys: ReadonlyArray<[string, string]> }> = [
  {
    where: 'Anywhere',
    keys: [
      ['Ctrl-K or t', 'find a file or symbol'],
      ['/', 'focus the search box'],
      ['?', 'show these shortcuts'],
      ['Esc', 'close a dialog'],
    ],
  },
  {
    where: 'Code view',
    keys: [
      ['Arrow keys', 'move the caret'],
      ['Ctrl-F', 'find in this file'],
      ['Alt-G', 'go to a line'],
      ['F12 or Ctrl-click', 'go to the definition under the caret'],
      ['Shift-F12', 'list the references of the name under the caret'],
      ['Ctrl-I', 'show the signature and doc of the name under the caret'],
      ['y', 'pin the URL to the commit'],
    ],
  },
  {
    where: 'Search results and lists',
    keys: [
      ['↑ ↓ or j k', 'move through the results'],
      ['Enter', 'open the result'],
    ],
  },
];

/** `?` (outside a text field) shows the keyboard shortcuts. */
export function ShortcutsDialog() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useDialog(dialog, open, () => setOpen(false));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      event.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);
  const trigger = (
    <button
      type="button"
      className="shortcuts-button"
      aria-label="Keyboard shortcuts"
      aria-keyshortcuts="?"
      onClick={() => setOpen(true)}
    >
      ?
    </button>
  );
  if (!open) return trigger;
  return (
    <>
      {trigger}
      <div className="palette-backdrop" onClick={() => setOpen(false)}>
        <div
          ref={dialog}
          className="palette panel shortcuts"
          role="dialog"
          aria-modal="true"
          aria-labelledby="shortcuts-heading"
          onClick={(e) => e.stopPropagation()}
        >
          <header className="references-head">
            <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
            <button
              ref={closeButton}
              type="button"
              onClick={() => setOpen(false)}
              aria-label="Close shortcuts"
            >
              ×
            </button>
          </header>
          {SHORTCUTS.map((group) => (
            <section key={group.where} aria-label={group.where}>
              <h3 className="small">{group.where}</h3>
              <dl className="shortcut-list">
                {group.keys.map(([keys, what]) => (
                  <div key={keys}>
                    <dt>
                      <kbd>{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}
