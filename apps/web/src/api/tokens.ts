// Personal API tokens (/api/tokens): list, create (the secret comes back once), revoke.
import { queryOptions } from '@tanstack/react-query';
import { getJson, http, sendJson } from './http';
import type { ApiTokenDto, CreatedApiTokenDto, Role } from './types';

export const tokensQuery = () => queryOptions({ queryKey: ['tokens'], queryFn: () => getJson<ApiTokenDto[]>('/api/tokens') });

export const createToken = (body: { name: string; role: Role; expiresInDays?: number }) => sendJson<CreatedApiTokenDto>('POST', '/api/tokens', body);

export const revokeToken = async (id: string) => {
  await http(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
};
