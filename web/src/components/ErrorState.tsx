import { ApiError } from '../lib/api.ts';

/** What went wrong, in words a person can act on, with a retry. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
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
