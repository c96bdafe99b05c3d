import { useId, useRef, type ReactNode } from 'react';
import { useDialog } from '../components/useDialog.ts';

/** A modal dialog with the app's keyboard contract (Tab cycles inside, Escape closes). */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const heading = useId();
  useDialog(ref, true, onClose);
  return (
    <div
      className="palette-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={ref}
        className="palette panel chat-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={heading}
      >
        <div className="chat-dialog-head">
          <h2 id={heading}>{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
