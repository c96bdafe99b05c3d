/** What `GET /api/health` answers, e.g. {"status":"UP","mode":"local","database":"sqlite","version":"0.1.0"}. */
export interface Health {
  status: string;
  mode?: string;
  database?: string;
  version?: string;
}

export const HEALTH_URL = '/api/health';

/** The server did not answer, or did not answer with a health document. */
export class ServerUnreachableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ServerUnreachableError';
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Accepts only a JSON object with a string `status`; other fields are optional strings. */
export function parseHealth(body: unknown): Health | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const status = optionalString(record.status);
  if (status === undefined) return undefined;
  const health: Health = { status };
  const mode = optionalString(record.mode);
  const database = optionalString(record.database);
  const version = optionalString(record.version);
  if (mode !== undefined) health.mode = mode;
  if (database !== undefined) health.database = database;
  if (version !== undefined) health.version = version;
  return health;
}

/**
 * Fetches the server's health. A health document is returned even with a non-2xx status
 * (a server that is DOWN still answers); anything else is a {@link ServerUnreachableError}.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  let response: Response;
  try {
    response = await fetch(HEALTH_URL, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    throw new ServerUnreachableError('The request to the server failed', { cause });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw new ServerUnreachableError(`HTTP ${response.status} without a JSON body`, { cause });
  }
  const health = parseHealth(body);
  if (health === undefined) {
    throw new ServerUnreachableError(`HTTP ${response.status} without a health document`);
  }
  return health;
}
