import { afterEach, describe, expect, it, vi } from 'vitest';

const calls: { url: string; headers: Record<string, string> }[] = [];
const answers: (() => Response)[] = [];

vi.mock('../lib/auth.ts', () => ({
  authFetch: (url: string, init: RequestInit) => {
    calls.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const next = answers.shift();
    return next ? Promise.resolve(next()) : new Promise<Response>(() => {});
  },
}));

const { LiveStream } = await import('./liveStream.ts');

function stream(text: string): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    { status: 200, headers: { 'Content-Type': 'text/event-stream' } },
  );
}

afterEach(() => {
  calls.length = 0;
  answers.length = 0;
});

describe('LiveStream', () => {
  it('drops the topics an older server refuses, then resumes after a drop from the last event id', async () => {
    answers.push(
      () => new Response('{}', { status: 404 }),
      () =>
        stream(
          ': subscribed\n\nid: 5\nevent: newMessage\ndata: {"type":"newMessage","topic":"channel:3","payload":{"messageId":9},"at":"T"}\n\n',
        ),
    );
    const events: unknown[] = [];
    const statuses: string[] = [];
    let dropped = 0;
    const live = new LiveStream({
      onOptionalDropped: () => dropped++,
      topics: ['channel:3'],
      optionalTopics: ['org:1', 'user:2'],
      lastEventId: null,
      onEvent: (event, id) => events.push([event.type, event.payload, event.ts, id]),
      onConnection: (c) => statuses.push(c.status),
      onRefused: () => {},
    });
    await vi.waitFor(() => expect(calls.length).toBe(3), { timeout: 3_000 });
    live.close();

    expect(decodeURIComponent(calls[0]!.url)).toBe('/api/events?topic=channel:3,org:1,user:2');
    expect(decodeURIComponent(calls[1]!.url)).toBe('/api/events?topic=channel:3');
    expect(calls[1]!.headers['Last-Event-ID']).toBeUndefined();
    expect(dropped).toBe(1);
    expect(events).toEqual([['newMessage', { messageId: 9 }, 'T', '5']]);
    expect(statuses).toEqual(['connected', 'reconnecting']);
    // The reconnect asks for what came after the last event it saw.
    expect(calls[2]!.headers['Last-Event-ID']).toBe('5');
  });

  it('starts from a given event id and reports itself offline while the browser is', async () => {
    const statuses: string[] = [];
    const live = new LiveStream({
      topics: ['channel:3'],
      optionalTopics: [],
      lastEventId: '41',
      onEvent: () => {},
      onConnection: (c) => statuses.push(c.status),
      onRefused: () => {},
    });
    await vi.waitFor(() => expect(calls.length).toBe(1));
    expect(calls[0]!.headers['Last-Event-ID']).toBe('41');
    window.dispatchEvent(new Event('offline'));
    expect(statuses).toContain('offline');
    live.close();
  });
});
