import { useEffect, useId, useState } from 'react';
import { fetchHealth, type Health } from './health.ts';

type State = { phase: 'loading' } | { phase: 'ready'; health: Health } | { phase: 'error' };

export interface StatusPanelProps {
  /** Give up on a server that does not answer within this many milliseconds. */
  timeoutMs?: number;
}

function tone(status: string): 'ok' | 'bad' | 'warn' {
  const normalized = status.toUpperCase();
  if (normalized === 'UP') return 'ok';
  if (normalized === 'DOWN' || normalized === 'OUT_OF_SERVICE') return 'bad';
  return 'warn';
}

export function StatusPanel({ timeoutMs = 5000 }: StatusPanelProps) {
  const headingId = useId();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    fetchHealth(controller.signal)
      .then(
        (health) => {
          if (!controller.signal.aborted) setState({ phase: 'ready', health });
        },
        () => {
          // An abort because the panel went away (or re-ran) is not an error worth showing.
          if (timedOut || !controller.signal.aborted) setState({ phase: 'error' });
        },
      )
      .finally(() => clearTimeout(timer));

    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [attempt, timeoutMs]);

  const retry = () => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Server status</h2>
      {state.phase === 'error' ? (
        <>
          <p role="alert" className="error">
            Server not reachable — is <code>./atelier serve</code> running?
          </p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </>
      ) : (
        <div role="status" aria-busy={state.phase === 'loading'}>
          {state.phase === 'loading' ? (
            <p className="muted">Checking the server…</p>
          ) : (
            <HealthFacts health={state.health} />
          )}
        </div>
      )}
    </section>
  );
}

function HealthFacts({ health }: { health: Health }) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge-${tone(health.status)}`}>{health.status}</span>
          </dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd>{health.mode ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>Database</dt>
          <dd>{health.database ?? 'unknown'}</dd>
        </div>
      </dl>
      {health.version !== undefined && <p className="muted">Server version {health.version}</p>}
    </>
  );
}
