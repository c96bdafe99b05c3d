import { type KeyboardEvent, lazy, Suspense, useRef } from 'react';
import { Link } from '../components/Link.tsx';
import {
  codeUrl,
  navigate,
  UNDERSTAND_TABS,
  type UnderstandTab,
  understandUrl,
} from '../lib/router.ts';
import { useRepoTitle } from '../lib/title.ts';
import { CommunitiesTab } from './understand/CommunitiesTab.tsx';
import { HotspotsTab } from './understand/HotspotsTab.tsx';
import { LearningsTab } from './understand/LearningsTab.tsx';
import { RepoMapTab } from './understand/RepoMapTab.tsx';
import { SecurityTab } from './understand/SecurityTab.tsx';

// The graph (layout and drawing) is a chunk of its own, fetched when its tab is opened.
const GraphTab = lazy(() => import('./understand/GraphTab.tsx'));

function LazyGraphTab(props: { repo: number; branch: string | undefined }) {
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          Loading the graph view…
        </p>
      }
    >
      <GraphTab {...props} />
    </Suspense>
  );
}

const LABELS: Record<UnderstandTab, string> = {
  map: 'Repo map',
  graph: 'Dependency graph',
  hotspots: 'Hotspots',
  communities: 'Communities',
  learnings: 'Conventions & learnings',
  security: 'Security',
};

const PANELS = {
  map: RepoMapTab,
  graph: LazyGraphTab,
  hotspots: HotspotsTab,
  communities: CommunitiesTab,
  learnings: LearningsTab,
  security: SecurityTab,
};

/** Tabs over the analyses of a repository; the tab lives in the URL so a reload keeps it. */
export default function UnderstandPage({
  repo,
  tab,
  branch,
}: {
  repo: number;
  tab: UnderstandTab;
  branch: string | undefined;
}) {
  useRepoTitle(repo, `${LABELS[tab]} · Understand`);
  const tabs = useRef(new Map<UnderstandTab, HTMLButtonElement>());
  const select = (next: UnderstandTab, focus: boolean) => {
    navigate(understandUrl(repo, next, branch), { replace: true });
    if (focus) tabs.current.get(next)?.focus();
  };
  // Arrow keys, Home and End move between tabs (WAI-ARIA tabs with automatic activation).
  const onKeyDown = (event: KeyboardEvent) => {
    const i = UNDERSTAND_TABS.indexOf(tab);
    const last = UNDERSTAND_TABS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? (i + 1) % UNDERSTAND_TABS.length
        : event.key === 'ArrowLeft'
          ? (i + last) % UNDERSTAND_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    select(UNDERSTAND_TABS[target]!, true);
  };
  const Panel = PANELS[tab];
  return (
    <main className="page wrap understand" aria-labelledby="understand-title">
      <p className="small">
        <Link href={codeUrl(repo, '', branch)}>← Code</Link>
      </p>
      <h1 id="understand-title">Understand</h1>
      <div role="tablist" aria-label="Analyses" className="tabs" onKeyDown={onKeyDown}>
        {UNDERSTAND_TABS.map((t) => (
          <button
            key={t}
            ref={(el) => {
              if (el) tabs.current.set(t, el);
              else tabs.current.delete(t);
            }}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={t === tab}
            aria-controls={`panel-${t}`}
            tabIndex={t === tab ? 0 : -1}
            onClick={() => select(t, false)}
          >
            {LABELS[t]}
          </button>
        ))}
      </div>
      <section
        role="tabpanel"
        id={`panel-${tab}`}
        aria-labelledby={`tab-${tab}`}
        tabIndex={0}
        className="tab-panel"
      >
        <h2 className="visually-hidden">{LABELS[tab]}</h2>
        <Panel repo={repo} branch={branch} />
      </section>
    </main>
  );
}
