import { useEffect, useId, useRef, useState } from 'react';

/** A read-only value with a Copy button (a secret or a link shown once). */
export function CopyField({
  label,
  value,
  autoFocus,
}: {
  label: string;
  value: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  useEffect(() => {
    if (!autoFocus) return;
    input.current?.focus();
    input.current?.select();
  }, [autoFocus]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, a refused permission): leave it selected to copy by hand.
      input.current?.select();
      setCopied('no');
    }
  };
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="inline-row">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="small" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard.' : ''}
        {copied === 'no' ? 'Could not reach the clipboard: press Ctrl-C to copy it.' : ''}
      </p>
    </div>
  );
}
