import { useQuery } from '@tanstack/react-query';
import { usePageTitle } from '../lib/title.ts';
import { api, type BranchInfo, type RepositoryInfo } from '../lib/api.ts';
import { progressKey, useRepoEvents, type Progress } from '../lib/events.ts';
import { codeUrl } from '../lib/router.ts';
import { AddRepositoryForm } from '../components/AddRepositoryForm.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Link } from '../components/Link.tsx';
import { StatusPanel } from '../StatusPanel.tsx';

function stateTone(state: string): 'ok' | 'warn' | 'bad' {
  if (state === 'ready') return 'ok';
  if (state === 'failed') return 'bad';
  return 'warn';
}

/**
 * What semantic search covers, said plainly: the branch badges speak of text, regex and symbol
 * search, which are complete once a branch is indexed; vectors come later, for all repositories
 * of the server together.
 */
function SemanticCoverage({
  done,
  total,
  coreDone,
  coreTotal,
}: {
  done: number;
  total: number;
  coreDone: number;
  coreTotal: number;
}) {
  const percent = (n: number, of: number) => (of > 0 ? Math.floor((100 * n) / of) : 100);
  const coreComplete = coreDone >= coreTotal;
  return (
    <section className="panel semantic-coverage" aria-labelledby="semantic-heading">
      <h2 id="semantic-heading">Semantic search</h2>
      <progress
        max={coreTotal || 1}
        value={coreDone}
        aria-label="Code covered by semantic search"
      />
      <p className="small" role="status">
        {coreComplete
          ? done >= total
            ? 'Covers all code of every repository.'
            : `Covers all code outside tests; tests and test data ${percent(done, total)}% (${done.toLocaleString('en')} of ${total.toLocaleString('en')} chunks).`
          : `Partial: ${percent(coreDone, coreTotal)}% of the code (${coreDone.toLocaleString('en')} of ${coreTotal.toLocaleString('en')} chunks) across all repositories. Until it is complete, semantic search also ranks by text and symbols.`}
      </p>
    </section>
  );
}

function BranchRow({
  repo,
  branch,
  live,
}: {
  repo: RepositoryInfo;
  branch: BranchInfo;
  live?: Progress;
}) {
  const done = live?.done ?? branch.filesDone;
  const total = live?.total ?? branch.filesTotal;
  const indexing = live !== undefined || branch.state === 'indexing';
  return (
    <li className="branch">
      <Link
        href={codeUrl(repo.id, '', branch.name === repo.defaultBranch ? undefined : branch.name)}
      >
        {branch.name}
      </Link>
      <span
        className={`badge badge-${stateTone(indexing ? 'indexing' : branch.state)}`}
        title={
          branch.state === 'ready' && !indexing
            ? 'Text, regex and symbol search cover this branch'
            : undefined
        }
      >
        {indexing ? 'indexing' : branch.state === 'ready' ? 'search ready' : branch.state}
      </span>
      {indexing && total > 0 && (
        <progress
          max={total}
          value={done}
          aria-label={`Indexing ${branch.name}: ${done} of ${total} files`}
        />
      )}
      <span className="muted small">
        {indexing ? `${done} / ${total} files` : `${branch.filesTotal} files`}
        {branch.indexedAt &&
          !indexing &&
          ` · indexed ${new Date(branch.indexedAt).toLocaleString()}`}
      </span>
      {branch.state === 'failed' && branch.lastError && (
        <p role="alert" className="error small">
          Indexing failed: {branch.lastError}
        </p>
      )}
    </li>
  );
}

export function ReposPage() {
  usePageTitle('Repositories');
  const repos = useQuery({ queryKey: ['repos'], queryFn: ({ signal }) => api.repos(signal) });
  const live = useRepoEvents(repos.data?.map((r) => r.id) ?? []);

  return (
    <main className="page wrap" aria-labelledby="repos-heading">
      <h1 id="repos-heading">Repositories</h1>
      {repos.isPending && (
        <p className="muted" role="status">
          Loading repositories…
        </p>
      )}
      {repos.isError && <ErrorState error={repos.error} retry={() => void repos.refetch()} />}
      {repos.data && repos.data.length === 0 && (
        <section className="panel empty-state" aria-labelledby="empty-heading">
          <h2 id="empty-heading">No repositories yet</h2>
          <p>Atelier indexes the folder it serves. To add code:</p>
          <ol>
            <li>
              Add a folder or a git URL below, or start the server in your project:{' '}
              <code>./atelier serve /path/to/project</code>
            </li>
            <li>Wait for indexing to finish: progress shows up here live.</li>
            <li>
              Open the repository to browse files, search with <kbd>/</kbd>, and follow references.
            </li>
          </ol>
        </section>
      )}
      {repos.data && repos.data.length > 0 && (
        <ul className="repo-list">
          {repos.data.map((repo) => (
            <li key={repo.id} className="panel repo">
              <h2>
                <Link href={codeUrl(repo.id, '')}>{repo.name}</Link>
              </h2>
              <p className="muted small">
                {repo.kind} · <code>{repo.location}</code>
              </p>
              {repo.branches.length === 0 ? (
                <p className="muted">Waiting for the first index run…</p>
              ) : (
                <ul className="branches" aria-label={`Branches of ${repo.name}`}>
                  {repo.branches.map((branch) => {
                    const progress = live.progress[progressKey(repo.id, branch.name)];
                    return (
                      <BranchRow
                        key={branch.name}
                        repo={repo}
                        branch={branch}
                        {...(progress ? { live: progress } : {})}
                      />
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <AddRepositoryForm />
      {live.embeddings && live.embeddings.total > 0 && <SemanticCoverage {...live.embeddings} />}
      <StatusPanel />
    </main>
  );
}
