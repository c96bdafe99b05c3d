import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { AccountMenu, useSessionGate } from './components/AccountMenu.tsx';
import { Finder } from './components/Finder.tsx';
import { ShortcutsDialog } from './components/ShortcutsDialog.tsx';
import { Link } from './components/Link.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { ApiError } from './lib/api.ts';
import { useRoute } from './lib/router.ts';
import { SearchDraftProvider } from './lib/searchDraft.tsx';
import { usePageTitle } from './lib/title.ts';
import { useTheme } from './lib/theme.ts';
import { CodePage } from './pages/CodePage.tsx';
import { ReposPage } from './pages/ReposPage.tsx';
import { SearchPage } from './pages/SearchPage.tsx';

// Loaded on first visit: it keeps the analyses out of the shell's initial JavaScript.
const UnderstandPage = lazy(() => import('./pages/UnderstandPage.tsx'));
// The account pages, also on first visit.
const AuthPages = lazy(() => import('./pages/account/AuthPages.tsx'));
const SettingsPage = lazy(() => import('./pages/account/SettingsPage.tsx'));
// The team chat and its message search, on first visit.
const ChatPage = lazy(() => import('./chat/ChatPage.tsx'));
const MessageSearchPage = lazy(() =>
  import('./chat/MessageResults.tsx').then((m) => ({ default: m.MessageSearchPage })),
);

function Loading() {
  return (
    <main className="page wrap">
      <p className="muted" role="status">
        Loading…
      </p>
    </main>
  );
}

function Header() {
  const { route } = useRoute();
  const { theme, toggle } = useTheme();
  const repo =
    route.page === 'code' || route.page === 'search' || route.page === 'understand'
      ? route.repo
      : undefined;
  const branch =
    route.page === 'code' || route.page === 'search' || route.page === 'understand'
      ? route.branch
      : undefined;
  return (
    <header className="app-header">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Link href="/" className="brand">
        Atelier
      </Link>
      {repo !== undefined && <Finder repo={repo} branch={branch} />}
      {(repo !== undefined || route.page === 'chat' || route.page === 'messages') && (
        <SearchBox
          repo={repo}
          branch={branch}
          initialQuery={route.page === 'search' || route.page === 'messages' ? route.q : ''}
          initialMode={route.page === 'search' ? route.mode : 'text'}
        />
      )}
      <Link
        href="/chat"
        className="header-link"
        aria-current={route.page === 'chat' ? 'page' : undefined}
      >
        Chat
      </Link>
      <ShortcutsDialog />
      <button
        type="button"
        className="theme-toggle"
        onClick={toggle}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        aria-pressed={theme === 'dark'}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <AccountMenu />
    </header>
  );
}

function Routes() {
  const { route, hash } = useRoute();
  useSessionGate();
  switch (route.page) {
    case 'repos':
      return <ReposPage />;
    case 'signin':
    case 'register':
    case 'forgot-password':
    case 'reset-password':
    case 'accept-invite':
      return (
        <Suspense fallback={<Loading />}>
          <AuthPages route={route} />
        </Suspense>
      );
    case 'settings':
      return (
        <Suspense fallback={<Loading />}>
          <SettingsPage tab={route.tab} />
        </Suspense>
      );
    case 'code':
      return (
        <CodePage
          repo={route.repo}
          path={route.path}
          branch={route.branch}
          hash={hash}
          commit={route.commit}
        />
      );
    case 'search':
      return (
        <SearchPage
          repo={route.repo}
          q={route.q}
          mode={route.mode}
          branch={route.branch}
          sort={route.sort}
          context={route.context}
        />
      );
    case 'chat':
      return (
        <Suspense fallback={<Loading />}>
          <ChatPage channel={route.channel} thread={route.thread} message={route.message} />
        </Suspense>
      );
    case 'messages':
      return (
        <Suspense fallback={<Loading />}>
          <MessageSearchPage q={route.q} />
        </Suspense>
      );
    case 'understand':
      return (
        <Suspense
          fallback={
            <main className="page wrap">
              <p className="muted" role="status">
                Loading…
              </p>
            </main>
          }
        >
          <UnderstandPage repo={route.repo} tab={route.tab} branch={route.branch} />
        </Suspense>
      );
    default:
      return <NotFound pathname={route.pathname} />;
  }
}

function NotFound({ pathname }: { pathname: string }) {
  usePageTitle('Page not found');
  return (
    <main className="page wrap">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{pathname}</code>. <Link href="/">Go to the repositories</Link>.
      </p>
    </main>
  );
}

export function App() {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            refetchOnWindowFocus: false,
            staleTime: 5_000,
            // A 4xx answer (not signed in, not found) does not change by asking again.
            retry: (failures, error) =>
              !(error instanceof ApiError && error.status >= 400 && error.status < 500) &&
              failures < 3,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <SearchDraftProvider>
        <Header />
        <div id="content">
          <Routes />
        </div>
      </SearchDraftProvider>
    </QueryClientProvider>
  );
}
