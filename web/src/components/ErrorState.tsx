import { ApiError } from '../lib/api.ts';

/** How to sign this browser in: a local install has no accounts, only one-time login links. */
export function SignInHelp({ expired }: { expired?: boolean }) {
  return (
    <div className="error-state">
      <p role="alert" className="error">
        {expired
          ? 'That login link was already used or has expired.'
          : 'This browser is not signed in to Atelier.'}
      </p>
      <p>
        Open the login link that <code>atelier serve</code> printed when it started, or run{' '}
        <code>atelier open</code> in a terminal on this machine for a fresh one.
      </p>
    </div>
  );
}

/** What went wrong, in words a person can act on, with a retry. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && error.status === 401) return <SignInHelp />;
  let message: string;
  if (error instanceof ApiError && error.unreachable) {
    message = 'Server not reachable — is ./atelier serve running?';
  } else if (error instanceof ApiError && error.code === 'not-indexed') {
    message = 'This branch is not indexed yet. It will appear here once indexing finishes.';
  } else if (error instanceof ApiError) {
    message = `${error.title}${error.detail ? `: ${error.detail}` : ''}`;
  } else {
    message = error instanceof Error ? error.message : 'Something went wrong.';
  }
  return (
    <div className="error-state">
      <p role="alert" className="error">
        {message}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
