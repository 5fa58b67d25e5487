// An error that becomes one HTTP answer: status, a stable code and a message for people.
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;

  constructor(statusCode: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.extra = extra;
  }
}

export const notFound = (what: string, id: string): HttpError => new HttpError(404, 'not_found', `no ${what} with id "${id}"`);
