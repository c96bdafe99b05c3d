import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorState } from '../../components/ErrorState.tsx';
import { Link } from '../../components/Link.tsx';
import { api } from '../../lib/api.ts';
import { codeUrl } from '../../lib/router.ts';
import { Empty, TabState } from './TabState.tsx';
import { useTool } from './useTool.ts';

interface Anchor {
  path: string;
  line: number;
}

interface Conventions {
  conventions: {
    naming: {
      language: string;
      category: string;
      names: number;
      styles: Record<string, number>;
      examples: { name: string; at: Anchor }[];
    }[];
    layout: { sourceRoots: string[]; testRoots: string[] };
    tests: { language: string; pattern: string; placement: string; files: number }[];
    frameworks: { name: string; files: number }[];
    errors: { exceptionTypes: number; examples: { name: string; at: Anchor }[] };
  };
}

export interface Learning {
  id: number;
  kind: string;
  scope: string;
  path: string | null;
  content: string;
  confidence: number;
  helpful: number;
  unhelpful: number;
  decayed: boolean;
}

const KINDS = ['convention', 'pitfall', 'decision', 'how-to'] as const;
type Scope = 'repo' | 'folder' | 'file';

/** The `record_learning` arguments of the form: a folder or file scope names its path. */
function learningArguments(
  content: string,
  kind: string,
  scope: Scope,
  path: string,
  branch: string | undefined,
): Record<string, unknown> {
  const args: Record<string, unknown> = { content: content.trim(), kind, scope };
  const relative = path
    .trim()
    .replace(/^\.?\/+/, '')
    .replace(/\/+$/, '');
  if (scope !== 'repo') args.path = relative;
  if (branch) args.branch = branch;
  return args;
}

/**
 * Where the tests are, only as far as the evidence goes: test roots when there are some, the
 * placement the test files show otherwise, and "no test files" when none were found (claiming
 * "beside the code" for a tree without tests misleads).
 */
export function testsWhere(
  testRoots: readonly string[],
  tests: readonly { placement: string; files: number }[],
): string {
  if (testRoots.length > 0) return `tests under ${testRoots.join(', ')}`;
  const files = tests.reduce((n, t) => n + t.files, 0);
  if (files === 0) return 'no test files found';
  const where = [...new Set(tests.map((t) => t.placement))].join('; ');
  return `tests ${where} (${files} file${files === 1 ? '' : 's'})`;
}

function ConventionsPanel({ repo, branch }: { repo: number; branch: string | undefined }) {
  const query = useTool<Conventions>(repo, 'conventions', {}, branch);
  return (
    <section aria-labelledby="conventions-title">
      <h3 id="conventions-title">Conventions</h3>
      <TabState query={query} what="conventions">
        {({ conventions: c }) => (
          <dl className="conventions">
            <dt>Layout</dt>
            <dd>
              sources {c.layout.sourceRoots.join(', ') || 'at the root'};{' '}
              {testsWhere(c.layout.testRoots, c.tests)}
            </dd>
            {c.naming.length > 0 && <dt>Naming</dt>}
            {c.naming.map((n) => {
              const [style, count] = Object.entries(n.styles)[0] ?? ['?', 0];
              const example = n.examples[0];
              return (
                <dd key={`${n.language}:${n.category}`}>
                  {n.language} {n.category}: {style} {Math.round((100 * count) / (n.names || 1))}%
                  of {n.names}
                  {example && (
                    <>
                      {' '}
                      (e.g.{' '}
                      <Link href={codeUrl(repo, example.at.path, branch, `#L${example.at.line}`)}>
                        {example.name}
                      </Link>
                      )
                    </>
                  )}
                </dd>
              );
            })}
            {c.tests.length > 0 && <dt>Tests</dt>}
            {c.tests.map((t) => (
              <dd key={`${t.language}:${t.pattern}`}>
                {t.language} {t.pattern}: {t.files} files, {t.placement}
              </dd>
            ))}
            {c.frameworks.length > 0 && (
              <>
                <dt>Frameworks</dt>
                <dd>
                  {c.frameworks
                    .map((f) => `${f.name} (${f.files} file${f.files === 1 ? '' : 's'})`)
                    .join(', ')}
                </dd>
              </>
            )}
            {c.errors.exceptionTypes > 0 && (
              <>
                <dt>Errors</dt>
                <dd>{c.errors.exceptionTypes} own exception/error types</dd>
              </>
            )}
          </dl>
        )}
      </TabState>
    </section>
  );
}

function AddLearning({ repo, branch }: { repo: number; branch: string | undefined }) {
  const client = useQueryClient();
  const [content, setContent] = useState('');
  const [kind, setKind] = useState<string>('convention');
  const [scope, setScope] = useState<Scope>('repo');
  const [path, setPath] = useState('');
  const record = useMutation({
    mutationFn: () =>
      api.tool(repo, 'record_learning', learningArguments(content, kind, scope, path, branch)),
    onSuccess: async () => {
      setContent('');
      await client.invalidateQueries({ queryKey: ['tool', repo, 'list_learnings'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (content.trim() && (scope === 'repo' || path.trim())) record.mutate();
  };
  return (
    <form className="add-learning" onSubmit={submit} aria-label="Add a learning">
      <label>
        Learning
        <textarea
          value={content}
          onChange={(e) => setContent(e.target.value)}
          rows={2}
          required
          maxLength={8192}
          placeholder="e.g. Run the integration tests with -Pit before a release"
        />
      </label>
      <label>
        Kind{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Applies to{' '}
        <select value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
          <option value="repo">the repository</option>
          <option value="folder">a folder</option>
          <option value="file">a file</option>
        </select>
      </label>
      {scope !== 'repo' && (
        <>
          <label>
            {scope === 'folder' ? 'Folder' : 'File'}{' '}
            <input
              type="text"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              required
              spellCheck={false}
              placeholder={scope === 'folder' ? 'e.g. src/db' : 'e.g. src/db/Pool.java'}
              aria-describedby="learning-path-hint"
            />
          </label>
          <span id="learning-path-hint" className="visually-hidden">
            repository-relative; it must exist in the branch
          </span>
        </>
      )}
      <button
        type="submit"
        disabled={record.isPending || !content.trim() || (scope !== 'repo' && !path.trim())}
      >
        {record.isPending ? 'Adding…' : 'Add learning'}
      </button>
      {record.isError && <ErrorState error={record.error} />}
    </form>
  );
}

function LearningItem({
  repo,
  branch,
  learning,
}: {
  repo: number;
  branch: string | undefined;
  learning: Learning;
}) {
  const client = useQueryClient();
  const feedback = useMutation({
    mutationFn: (helpful: boolean) =>
      api.tool(repo, 'learning_feedback', { id: learning.id, helpful }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['tool', repo, 'list_learnings'] }),
  });
  const where =
    learning.scope === 'repo' || !learning.path ? (
      'repository'
    ) : (
      <>
        {learning.scope} <Link href={codeUrl(repo, learning.path, branch)}>{learning.path}</Link>
      </>
    );
  return (
    <li className={learning.decayed ? 'learning decayed' : 'learning'}>
      <p className="learning-content">{learning.content}</p>
      <p className="small muted">
        #{learning.id} <span className="kind">{learning.kind}</span> · {where} · confidence{' '}
        {learning.confidence.toFixed(2)}
        {learning.decayed ? ' (decayed)' : ''}
      </p>
      <div className="learning-actions" role="group" aria-label={`Feedback on #${learning.id}`}>
        <button
          type="button"
          disabled={feedback.isPending}
          onClick={() => feedback.mutate(true)}
          aria-label={`Mark #${learning.id} helpful`}
        >
          Helpful ({learning.helpful})
        </button>
        <button
          type="button"
          disabled={feedback.isPending}
          onClick={() => feedback.mutate(false)}
          aria-label={`Mark #${learning.id} unhelpful`}
        >
          Unhelpful ({learning.unhelpful})
        </button>
      </div>
      {feedback.isError && <ErrorState error={feedback.error} />}
    </li>
  );
}

/** `conventions` as observed, and the learnings people and agents recorded, with feedback. */
export function LearningsTab({ repo, branch }: { repo: number; branch: string | undefined }) {
  const learnings = useTool<{ learnings: Learning[] }>(repo, 'list_learnings', { limit: 200 });
  return (
    <div className="learnings-tab">
      <section aria-labelledby="learnings-title">
        <h3 id="learnings-title">Learnings</h3>
        <AddLearning repo={repo} branch={branch} />
        <TabState query={learnings} what="learnings">
          {(data) =>
            data.learnings.length === 0 ? (
              <Empty>No learnings yet: add the first one above.</Empty>
            ) : (
              <ul className="learnings" aria-label="Learnings, most confident first">
                {data.learnings.map((l) => (
                  <LearningItem key={l.id} repo={repo} branch={branch} learning={l} />
                ))}
              </ul>
            )
          }
        </TabState>
      </section>
      <ConventionsPanel repo={repo} branch={branch} />
    </div>
  );
}
