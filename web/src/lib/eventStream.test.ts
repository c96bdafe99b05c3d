import { afterEach, describe, expect, it, vi } from 'vitest';
import { auth } from './auth.ts';
import { openEventStream } from './eventStream.ts';

afterEach(() => auth.clear());

describe('openEventStream', () => {
  it('reads server-sent events with the bearer when signed in with an account', async () => {
    auth.accept({
      accessToken: 'tok',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: null,
      refreshExpiresIn: 1,
      identity: { userId: 1, displayName: 'A', orgId: 1, orgName: 'A', role: 'owner' },
    });
    const encoder = new TextEncoder();
    const chunks = [
      ': comment\n\nevent: index.prog',
      'ress\ndata: {"done":1}\n\n',
      'event: index.completed\r\ndata: {"a":\r\ndata: 2}\r\n\r\n',
    ];
    const fetchMock = vi.fn(
      async (_url: string, _init?: RequestInit) =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (const c of chunks) controller.enqueue(encoder.encode(c));
              controller.close();
            },
          }),
          { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
        ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const stream = openEventStream('/api/events?topic=repo%3A1');
    const seen: string[] = [];
    stream.addEventListener('index.progress', (e) => seen.push(`progress ${e.data}`));
    stream.addEventListener('index.completed', (e) => seen.push(`completed ${e.data}`));
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    stream.close();
    expect(seen).toEqual(['progress {"done":1}', 'completed {"a":\n2}']);
    expect(new Headers(fetchMock.mock.calls[0]![1]!.headers).get('Authorization')).toBe(
      'Bearer tok',
    );
  });
});
