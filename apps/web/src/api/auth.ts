// How people sign in here (GET /api/auth, public) and who is signed in (GET /api/me).
import { queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from './http';
import type { AuthInfoDto, MeDto } from './types';

export const authInfoQuery = () => queryOptions({ queryKey: ['auth-info'], queryFn: () => getJson<AuthInfoDto>('/api/auth'), staleTime: Infinity });
export const meQuery = () => queryOptions({ queryKey: ['me'], queryFn: () => getJson<MeDto>('/api/me'), staleTime: 60_000 });

/** Ends the session on the server too. */
export const signOut = () => sendJson<null>('POST', '/api/auth/logout');

/** Where "Sign in with …" goes: the provider, then back to this page. */
export function providerLoginHref(loginUrl: string, here: Location = window.location): string {
  return `${loginUrl}?next=${encodeURIComponent(here.pathname + here.search)}`;
}

/** The caller's role on a project (per-project rules may differ from the server-wide role); null while loading. */
export function projectRole(me: MeDto | undefined, projectId: string): MeDto['role'] | null {
  if (!me) return null;
  return me.projectRoles[projectId] ?? me.role;
}
