import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RepositoryInfo } from '../lib/api.ts';
import type { Message } from './chatApi.ts';
import { fenceLanguage, highlightCodeBlocks } from './highlightCode.ts';
import { MessageBody, routeLinks } from './MessageBody.tsx';

const repos: RepositoryInfo[] = [
  { id: 3, name: 'acme', kind: 'local', location: '/x', defaultBranch: 'main', branches: [] },
];
const names = new Map([[7, 'Bob']]);

const message = (fields: Partial<Message>): Message => ({
  id: 1,
  channelId: 1,
  threadId: null,
  authorId: 1,
  authorType: 'user',
  body: '',
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  editedAt: null,
  deletedAt: null,
  replyCount: 0,
  lastReplyAt: null,
  reactions: [],
  ...fields,
});

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

describe('MessageBody', () => {
  it('shows a body without server HTML as text: markup stays inert', () => {
    const { container } = render(
      <MessageBody
        message={message({ body: '<img src=x onerror="alert(1)"><script>alert(2)</script>' })}
        names={names}
        repos={repos}
      />,
    );
    expect(container.querySelector('img, script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(2)</script>');
  });

  it('names mentioned people and links code into the code view', () => {
    render(
      <MessageBody
        message={message({ body: 'ask <@7> about [[acme:src/a.go#L3-5]]' })}
        names={names}
        repos={repos}
      />,
    );
    expect(screen.getByText('@Bob')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'acme:src/a.go#L3-5' }).getAttribute('href')).toBe(
      '/repos/3/code/src/a.go#L3-L5',
    );
  });

  it('renders the server HTML when there is some, and says when a message is gone', () => {
    const { container, rerender } = render(
      <MessageBody
        message={message({ body: '**hi**', html: '<p><strong>hi</strong></p>' })}
        names={names}
        repos={repos}
      />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('hi');
    rerender(
      <MessageBody
        message={message({ body: null, deletedAt: '2026-01-01T00:00:00Z' })}
        names={names}
        repos={repos}
      />,
    );
    expect(container.textContent).toBe('This message was deleted.');
  });

  it('routes a click on a code link of the server HTML in the app', () => {
    render(
      <div onClick={routeLinks}>
        <MessageBody
          message={message({
            body: 'x',
            html: '<p><a class="code-link" href="/repos/3/code/a.go#L2">a.go</a> <a href="https://example.com/">out</a></p>',
          })}
          names={names}
          repos={repos}
        />
      </div>,
    );
    fireEvent.click(screen.getByRole('link', { name: 'a.go' }));
    expect(window.location.pathname + window.location.hash).toBe('/repos/3/code/a.go#L2');
    // A link elsewhere is left to the browser.
    const outside = fireEvent.click(screen.getByRole('link', { name: 'out' }));
    expect(outside).toBe(true);
  });
});

describe('highlightCodeBlocks', () => {
  it('maps fence names to the editor languages', () => {
    expect(fenceLanguage('language-golang')).toBe('go');
    expect(fenceLanguage('language-ts')).toBe('typescript');
    expect(fenceLanguage('hljs')).toBeUndefined();
  });

  it('highlights a fenced block with the grammar as text, keeping unknown languages as they are', async () => {
    const root = document.createElement('div');
    root.innerHTML =
      '<pre><code class="language-go">func main() { return }</code></pre><pre><code class="language-cobol">MOVE A TO B</code></pre>';
    document.body.append(root);
    await highlightCodeBlocks(root);
    await waitFor(() => expect(root.querySelector('.tok-keyword')).not.toBeNull());
    const [go, cobol] = [...root.querySelectorAll('code')];
    expect(go?.textContent).toBe('func main() { return }');
    expect(go?.querySelector('.tok-keyword')?.textContent).toBe('func');
    expect(cobol?.innerHTML).toBe('MOVE A TO B');
    root.remove();
  });
});
