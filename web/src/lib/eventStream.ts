import { auth, authFetch } from './auth.ts';

/** The part of EventSource the app uses. */
export interface EventStream {
  onopen: (() => void) | null;
  onerror: (() => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/**
 * Server-sent events from `url`. A browser signed in with an account has no cookie the server
 * takes for /api, and EventSource cannot send the bearer: then the stream is read with fetch
 * (which can), and reconnects with a fresh token after a drop. Otherwise (a local install's
 * login-link cookie) it is a plain EventSource.
 */
export function openEventStream(url: string): EventStream {
  if (!auth.token() || typeof ReadableStream === 'undefined')
    return new EventSource(url) as unknown as EventStream;
  return new FetchEventStream(url);
}

const RETRY_MS = 3_000;

class FetchEventStream implements EventStream {
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, Set<(event: MessageEvent<string>) => void>>();
  private readonly abort = new AbortController();
  private closed = false;
  // Sent back on reconnect, as EventSource does, so the server replays what was missed.
  private lastEventId: string | null = null;

  constructor(private readonly url: string) {
    void this.run();
  }

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  close(): void {
    this.closed = true;
    this.abort.abort();
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      try {
        const response = await authFetch(this.url, {
          headers: {
            Accept: 'text/event-stream',
            ...(this.lastEventId ? { 'Last-Event-ID': this.lastEventId } : {}),
          },
          signal: this.abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        this.onopen?.();
        await this.read(response.body);
      } catch {
        if (this.closed) return;
      }
      this.onerror?.();
      // Signed out meanwhile: nothing to reconnect as.
      if (!auth.token()) return;
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    await readEventBlocks(body, (block) => this.dispatch(block));
  }

  private dispatch(block: string): void {
    const event = parseEventBlock(block);
    if (event?.id) this.lastEventId = event.id;
    if (!event || event.data === null) return;
    const message = new MessageEvent<string>(event.type, { data: event.data });
    this.listeners.get(event.type)?.forEach((listener) => listener(message));
  }
}

/** One event of a text/event-stream: its id, type (`message` unless named) and data, if any. */
export interface EventBlock {
  id: string | null;
  type: string;
  data: string | null;
}

/** Parses one blank-line-separated block of a text/event-stream (comments are skipped). */
export function parseEventBlock(block: string): EventBlock | undefined {
  let id: string | null = null;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') type = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (id === null && data.length === 0) return undefined;
  return { id, type, data: data.length > 0 ? data.join('\n') : null };
}

/** Reads a text/event-stream body to its end, block by block; `onBytes` hears every chunk. */
export async function readEventBlocks(
  body: ReadableStream<Uint8Array>,
  onBlock: (block: string) => void,
  onBytes?: () => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onBytes?.();
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      onBlock(block);
    }
  }
}
