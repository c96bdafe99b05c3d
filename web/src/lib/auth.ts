/**
 * The browser's sign-in with an account (`serve --auth`, service mode): the access token lives in
 * memory only — never in localStorage or sessionStorage — and every /api request carries it as a
 * bearer. The refresh token is an HttpOnly cookie scoped to /api/auth that script never sees;
 * `POST /api/auth/refresh` (with the X-Requested-With header the server asks for against CSRF)
 * spends it for a new pair. A refresh runs once at a time: requests that find one under way wait
 * for it, and a 401 answer is retried once after a refresh. Without an account (a local install
 * signed in by its login link) no token is held and requests ride on the session cookie.
 */

/** Who signed in and into which org, as every sign-in answers it. */
export interface Identity {
  userId: number;
  displayName: string;
  orgId: number;
  orgName: string;
  role: string;
}

/** The answer of login, register, refresh and org switch. */
export interface TokenAnswer {
  accessToken: string;
  tokenType: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string | null;
  refreshExpiresIn: number;
  identity: Identity;
}

export interface AuthSnapshot {
  /** An access token is held: the browser is signed in with an account. */
  signedIn: boolean;
  identity: Identity | null;
}

/** Refresh this long before the access token expires rather than let a request fail. */
const EARLY_MS = 30_000;

const SIGNED_OUT: AuthSnapshot = { signedIn: false, identity: null };

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export class AuthClient {
  private access: { token: string; expiresAt: number } | null = null;
  private snapshot: AuthSnapshot = SIGNED_OUT;
  private refreshing: Promise<boolean> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The current access token, if signed in with an account. */
  token(): string | null {
    return this.access?.token ?? null;
  }

  state(): AuthSnapshot {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): AuthSnapshot => this.snapshot;

  /** Keeps the tokens of a sign-in answer (the refresh token, if any in the body, is dropped). */
  accept(answer: TokenAnswer): void {
    this.access = {
      token: answer.accessToken,
      expiresAt: this.now() + Math.max(0, answer.expiresIn) * 1000,
    };
    this.publish({ signedIn: true, identity: answer.identity });
  }

  /** Forgets the access token (after sign-out, or when the session ended on the server). */
  clear(): void {
    this.access = null;
    if (this.snapshot !== SIGNED_OUT) this.publish(SIGNED_OUT);
  }

  /**
   * Spends the refresh cookie for a new access token. Concurrent callers share one request (a
   * refresh token is single-use: two at once would look like a stolen token and end the
   * session). Resolves whether it worked; a refused refresh signs out.
   */
  refresh(): Promise<boolean> {
    if (this.refreshing) return this.refreshing;
    const run = async (): Promise<boolean> => {
      try {
        const response = await this.withLock(() =>
          this.fetchImpl('/api/auth/refresh', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { Accept: 'application/json', 'X-Requested-With': 'atelier' },
          }),
        );
        if (!response.ok) {
          if (response.status === 401 || response.status === 403) this.clear();
          return false;
        }
        this.accept((await response.json()) as TokenAnswer);
        return true;
      } catch {
        // Not reachable: keep what is held; the request that needed it reports the failure.
        return false;
      } finally {
        this.refreshing = null;
      }
    };
    this.refreshing = run();
    return this.refreshing;
  }

  /**
   * A fetch with the bearer: waits for a refresh under way, refreshes a token about to expire,
   * and after a 401 refreshes once and asks again.
   */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const authCall = url.startsWith('/api/auth/');
    if (!authCall) {
      if (this.refreshing) await this.refreshing;
      if (this.access && this.access.expiresAt - this.now() < EARLY_MS) await this.refresh();
    }
    const sent = this.access?.token;
    const response = await this.fetchImpl(url, this.withBearer(init));
    if (response.status !== 401 || authCall || sent === undefined) return response;
    // Another request may have refreshed meanwhile: then just ask again with the new token.
    const renewed = this.access?.token !== undefined && this.access.token !== sent;
    if (!renewed && !(await this.refresh())) return response;
    return this.fetchImpl(url, this.withBearer(init));
  }

  private withBearer(init: RequestInit): RequestInit {
    const headers = new Headers(init.headers);
    if (this.access) headers.set('Authorization', `Bearer ${this.access.token}`);
    return { ...init, headers, credentials: 'same-origin' };
  }

  // Tabs share the refresh cookie: one refresh across all of them at a time (Web Locks), so two
  // tabs opened together do not spend the same refresh token twice.
  private withLock<T>(work: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? (locks.request('atelier-refresh', work) as Promise<T>) : work();
  }

  private publish(next: AuthSnapshot): void {
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }
}

/** The app's one auth client. */
export const auth = new AuthClient();

/** fetch with the signed-in account's bearer (and refresh on expiry or 401). */
export const authFetch = (url: string, init?: RequestInit): Promise<Response> =>
  auth.fetch(url, init);
