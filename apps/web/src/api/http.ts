// fetch wrapper: JSON in and out, session cookie, errors as ApiError with the server's code.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const UNREACHABLE = 'Cannot reach the Shipgate server (is it running?)';

/** Words for an error: a network failure says the server cannot be reached. */
export function errorText(error: unknown): string {
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) return UNREACHABLE;
  return error instanceof Error ? error.message : String(error);
}

export async function http(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (cause) {
    // fetch rejects only when the server cannot be reached at all ("Failed to fetch")
    if (init.signal?.aborted) throw cause;
    throw new ApiError(0, 'unreachable', UNREACHABLE);
  }
  if (res.ok) return res;
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // not JSON: keep the status line
  }
  const code = typeof body['error'] === 'string' ? body['error'] : `http_${res.status}`;
  const message = typeof body['message'] === 'string' ? body['message'] : `${res.status} ${res.statusText}`;
  throw new ApiError(res.status, code, message, body);
}

export async function getJson<T>(path: string): Promise<T> {
  return (await (await http(path)).json()) as T;
}

export async function sendJson<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T | null> {
  const res = await http(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return text ? (JSON.parse(text) as T) : null;
}
