import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorText, http, UNREACHABLE } from './http';

afterEach(() => vi.unstubAllGlobals());

describe('http', () => {
  it('turns "Failed to fetch" into words about the server being unreachable', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await http('/api/projects').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(errorText(error)).toBe(UNREACHABLE);
  });

  it('says the same for a raw fetch TypeError and keeps other messages', () => {
    expect(errorText(new TypeError('Failed to fetch'))).toBe(UNREACHABLE);
    expect(errorText(new ApiError(404, 'not_found', 'no such release'))).toBe('no such release');
  });
});
