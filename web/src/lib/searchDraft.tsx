import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { SearchMode } from './router.ts';

/** What is in the search box now, submitted or not. */
export interface SearchDraft {
  q: string;
  mode: SearchMode;
}

interface DraftState {
  draft: SearchDraft;
  setDraft: (draft: SearchDraft) => void;
}

const DraftContext = createContext<DraftState | undefined>(undefined);

/**
 * Shares the search box's text with the results page, so that "Try again" after an error runs
 * the query as the person has since edited it rather than the one that failed.
 */
export function SearchDraftProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<SearchDraft>({ q: '', mode: 'text' });
  const value = useMemo(() => ({ draft, setDraft }), [draft]);
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
}

/** The draft, or a private one when no provider is above (as in a component test). */
export function useSearchDraft(): DraftState {
  const shared = useContext(DraftContext);
  const [draft, setDraft] = useState<SearchDraft>({ q: '', mode: 'text' });
  return shared ?? { draft, setDraft };
}
