import { useEffect } from 'react';

/** Sets the browser tab's title for a view: `what · Atelier`. */
export function usePageTitle(what: string | undefined): void {
  useEffect(() => {
    document.title = what ? `${what} · Atelier` : 'Atelier';
  }, [what]);
}
