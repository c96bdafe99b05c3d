import { useQuery } from '@tanstack/react-query';
import { usePageTitle } from '../lib/title.ts';
import { api, type BranchInfo, type RepositoryInfo } from '../lib/api.ts';
import {
  coverageByRepository,
  coverageView,
  statusRefetchInterval,
  textIndexView,
  type Coverage,
  type TextIndexBacklog,
} from '../lib/coverage.ts';
import { progressKey, useRepoEvents, type Progress } from '../lib/events.ts';
import { statusKeys } from '../lib/queryKeys.ts';
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
 * What semantic search covers in one repository, said plainly: the branch badges speak of text,
 * regex and symbol search, which are complete once a branch is indexed; vectors come later.
 */
function SemanticCoverage({
  name,
  enabled,
  coverage,
}: {
  name: string;
  enabled: boolean;
  coverage: Coverage | undefined;
}) {
  const view = coverageView(enabled, coverage);
  return (
    <div className="semantic-coverage">
      <span className={`badge badge-${view.tone}`} title={view.detail}>
        {view.badge}
      </span>
      {enabled && coverage && coverage.coreTotal > 0 && !view.ready && (
        <progress
          max={coverage.coreTotal}
          value={coverage.coreDone}
          aria-label={`Code of ${name} covered by semantic search`}
        />
      )}
      <span className="muted small">{view.detail}</span>
    </div>
  );
}

/**
 * The trigram text index behind text and regex search, written in the background after an index
 * run: how much of this repository it still has to take. Search is complete meanwhile, but slower.
 */
function TextIndexStatus({
  name,
  backlog,
}: {
  name: string;
  backlog: TextIndexBacklog | undefined;
}) {
  const view = textIndexView(backlog);
  if (!view || !backlog) return null;
  return (
    <div className="text-index">
      <span className={`badge badge-${view.tone}`} title={view.detail}>
        {view.badge}
      </span>
      {!view.ready && (
        <progress
          max={backlog.files}
          value={backlog.files - backlog.pending}
          aria-label={`Files of ${name} in the text index`}
        />
      )}
      <span className="muted small">{view.detail}</span>
    </div>
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
  const status = useQuery({
    queryKey: statusKeys.index(),
    queryFn: ({ signal }) => api.indexStatus(signal),
    refetchInterval: (query) => statusRefetchInterval(query.state.data),
  });
  const backlog = new Map(status.data?.repositories.map((r) => [r.repository, r.textIndex]));
  const coverage = coverageByRepository(status.data, live.embeddings);

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
              {status.data && repo.branches.length > 0 && (
                <TextIndexStatus name={repo.name} backlog={backlog.get(repo.id)} />
              )}
              {status.data && repo.branches.length > 0 && (
                <SemanticCoverage
                  name={repo.name}
                  enabled={status.data.embeddingsEnabled}
                  coverage={coverage[repo.id]}
                />
              )}
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
      <StatusPanel />
    </main>
  );
}
