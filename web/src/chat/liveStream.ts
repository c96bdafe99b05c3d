import { authFetch } from '../lib/auth.ts';
import { parseEventBlock, readEventBlocks } from '../lib/eventStream.ts';
import {
  INITIAL_CONNECTION,
  nextConnection,
  parseEnvelope,
  retryDelay,
  type Connection,
  type ConnectionSignal,
  type Envelope,
} from './liveEvents.ts';

/** Without a byte for this long (heartbeats come every 15 s) the connection is taken as dead. */
const STALE_MS = 40_000;

export interface LiveStreamOptions {
  /** Topics that must be readable (the channels). */
  topics: readonly string[];
  /** Topics the server may not know yet (org:, user:): dropped if the stream is refused with them. */
  optionalTopics: readonly string[];
  /** The last event id seen, to replay from (a reopened stream continues where the old one was). */
  lastEventId: string | null;
  onEvent: (event: Envelope, id: string | null) => void;
  onConnection: (connection: Connection) => void;
  /** The stream was refused for its topics (a channel gone or left): the caller re-reads them. */
  onRefused: () => void;
  /** The server has no org and user topics (no channel events): the caller polls instead. */
  onOptionalDropped?: () => void;
}

/**
 * Chat's server-sent event stream read with fetch (the bearer rides along; the local cookie too):
 * it keeps the last event id and reconnects with `Last-Event-ID`, so nothing is lost or repeated
 * across a drop; it backs off, notices a silent dead connection, and follows the browser's
 * online and offline events.
 */
export class LiveStream {
  private connection: Connection = INITIAL_CONNECTION;
  private abort: AbortController | null = null;
  private closed = false;
  private stale: ReturnType<typeof setTimeout> | undefined;
  private wake: (() => void) | null = null;
  private withOptional = true;
  lastEventId: string | null;

  constructor(private readonly options: LiveStreamOptions) {
    this.lastEventId = options.lastEventId;
    window.addEventListener('online', this.online);
    window.addEventListener('offline', this.offline);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) this.signal('offline');
    void this.run();
  }

  close(): void {
    this.closed = true;
    this.abort?.abort();
    clearTimeout(this.stale);
    this.wake?.();
    window.removeEventListener('online', this.online);
    window.removeEventListener('offline', this.offline);
  }

  private readonly online = () => {
    this.signal('online');
    this.wake?.();
  };

  private readonly offline = () => {
    this.signal('offline');
    this.abort?.abort();
  };

  private signal(signal: ConnectionSignal): void {
    const next = nextConnection(this.connection, signal);
    if (next !== this.connection) {
      this.connection = next;
      this.options.onConnection(next);
    }
  }

  private url(): string {
    const topics = [
      ...this.options.topics,
      ...(this.withOptional ? this.options.optionalTopics : []),
    ];
    return `/api/events?topic=${encodeURIComponent(topics.join(','))}`;
  }

  private async run(): Promise<void> {
    while (!this.closed) {
      if (this.connection.status !== 'offline') {
        const abort = new AbortController();
        this.abort = abort;
        try {
          const headers: Record<string, string> = { Accept: 'text/event-stream' };
          if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
          const response = await authFetch(this.url(), { headers, signal: abort.signal });
          if (response.status === 404 || response.status === 400) {
            void response.body?.cancel();
            if (this.withOptional && this.options.optionalTopics.length > 0) {
              // An older server without the org and user topics: carry on with the channels.
              this.withOptional = false;
              this.options.onOptionalDropped?.();
              if (this.options.topics.length > 0) continue;
              // …and with no channel yet there is nothing to stream until one is made.
              this.signal('open');
              return;
            }
            this.options.onRefused();
            throw new Error(`HTTP ${response.status}`);
          }
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          this.signal('open');
          await this.read(response.body, abort);
          if (!this.closed) this.signal('error');
        } catch {
          if (this.closed) return;
          this.signal(
            abort.signal.aborted && this.connection.status === 'connected' ? 'stale' : 'error',
          );
        } finally {
          clearTimeout(this.stale);
        }
      }
      if (this.closed) return;
      await new Promise<void>((resume) => {
        const timer = setTimeout(
          resume,
          this.connection.status === 'offline' ? 60_000 : retryDelay(this.connection.attempts),
        );
        this.wake = () => {
          clearTimeout(timer);
          resume();
        };
      });
      this.wake = null;
    }
  }

  private armStale(abort: AbortController): void {
    clearTimeout(this.stale);
    this.stale = setTimeout(() => abort.abort(), STALE_MS);
  }

  private async read(body: ReadableStream<Uint8Array>, abort: AbortController): Promise<void> {
    this.armStale(abort);
    await readEventBlocks(
      body,
      (block) => this.dispatch(block),
      () => this.armStale(abort),
    );
  }

  private dispatch(block: string): void {
    const event = parseEventBlock(block);
    if (!event) return;
    if (event.id) this.lastEventId = event.id;
    const envelope = event.data === null ? undefined : parseEnvelope(event.data);
    if (envelope) this.options.onEvent(envelope, event.id);
  }
}
