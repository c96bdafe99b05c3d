import { useEffect, useRef, type MouseEvent } from 'react';
import type { RepositoryInfo } from '../lib/api.ts';
import { Link } from '../components/Link.tsx';
import { formatLineHash } from '../lib/permalink.ts';
import { codeUrl, navigate, searchUrl } from '../lib/router.ts';
import type { Message } from './chatApi.ts';
import { highlightCodeBlocks } from './highlightCode.ts';
import { parseBody, type BodyPart } from './tokens.ts';

/**
 * Routes a click on an in-app link of a message body (the server's `a.code-link`, any link to
 * this origin) through the app's router instead of a page load; others open as links do.
 */
export function routeLinks(event: MouseEvent<HTMLElement>): void {
  const anchor = (event.target as Element).closest?.('a');
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(anchor.getAttribute('href') ?? '', window.location.href);
  if (url.origin !== window.location.origin || anchor.target === '_blank') return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

function codeHref(part: Extract<BodyPart, { kind: 'code' }>, repos: readonly RepositoryInfo[]) {
  const repo = repos.find((r) => r.name === part.repo || String(r.id) === part.repo);
  if (!repo) return undefined;
  if (part.symbol) return searchUrl(repo.id, part.symbol, 'symbol');
  return codeUrl(
    repo.id,
    part.path ?? '',
    undefined,
    part.lines ? formatLineHash(part.lines) : undefined,
  );
}

/**
 * A message's body: the server's sanitised HTML when it sent one (the only HTML ever set), its
 * fenced code highlighted here; otherwise the Markdown source as text, with mentions and code
 * links made into names and links.
 */
export function MessageBody({
  message,
  names,
  repos,
}: {
  message: Message;
  names: ReadonlyMap<number, string>;
  repos: readonly RepositoryInfo[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const html = message.html;
  useEffect(() => {
    if (html && ref.current) void highlightCodeBlocks(ref.current);
  }, [html]);
  if (message.deletedAt || message.body === null)
    return <p className="chat-body muted">This message was deleted.</p>;
  if (html)
    return <div ref={ref} className="chat-body" dangerouslySetInnerHTML={{ __html: html }} />;
  return (
    <div className="chat-body chat-plain">
      {parseBody(message.body).map((part, i) => {
        if (part.kind === 'text') return <span key={i}>{part.text}</span>;
        if (part.kind === 'mention')
          return (
            <span key={i} className="mention">
              @{names.get(part.userId) ?? `user ${part.userId}`}
            </span>
          );
        const href = codeHref(part, repos);
        return href ? (
          <Link key={i} href={href} className="code-link">
            {part.label}
          </Link>
        ) : (
          <code key={i}>{part.label}</code>
        );
      })}
    </div>
  );
}
