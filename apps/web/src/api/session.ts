// Sign-in: a token becomes an HttpOnly session cookie (POST /api/session).
import { queryOptions } from '@tanstack/react-query';
import { ApiError, getJson, sendJson } from './http';
import type { Role } from './types';

export interface Session {
  role: Role | null;
}

export const fetchSession = async (): Promise<Session> => {
  try {
    return await getJson<{ role: Role }>('/api/session');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { role: null };
    throw error;
  }
};

export const sessionQuery = () => queryOptions({ queryKey: ['session'], queryFn: fetchSession, staleTime: Infinity });

export const signIn = (token: string) => sendJson<{ role: Role }>('POST', '/api/session', { token });
