// API tokens: yours (admins: everyone's). A new token's secret is shown once, here; a token's
// role is at most yours; revoking ends it at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { meQuery } from '../../api/auth';
import { createToken, revokeToken, tokensQuery } from '../../api/tokens';
import type { CreatedApiTokenDto, Role } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../ui/query-state';
import { ScrollTable } from '../../ui/scroll-table';
import { Time } from '../../ui/time';

const ROLES: Role[] = ['viewer', 'deployer', 'admin'];

export function TokensPage() {
  const client = useQueryClient();
  const me = useQuery(meQuery());
  const tokens = useQuery(tokensQuery());
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [days, setDays] = useState('');
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const mine = me.data?.role ?? 'viewer';
  const allowed = ROLES.slice(0, ROLES.indexOf(mine) + 1);
  const create = useMutation({
    mutationFn: () => createToken({ name: name.trim(), role: role || mine, ...(days ? { expiresInDays: Number(days) } : {}) }),
    onSuccess: (token) => {
      setCreated(token);
      setName('');
      void client.invalidateQueries({ queryKey: tokensQuery().queryKey });
    },
  });
  const revoke = useMutation({ mutationFn: revokeToken, onSuccess: () => void client.invalidateQueries({ queryKey: tokensQuery().queryKey }) });
  return (
    <section>
      <h1>API tokens</h1>
      <p className="muted">A token acts as you, for scripts and CI, with at most your role ({mine}).</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) create.mutate();
        }}
      >
        <label>
          Name <input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} placeholder="e.g. release script" />
        </label>
        <label>
          Role{' '}
          <select value={role || mine} onChange={(e) => setRole(e.target.value as Role)}>
            {allowed.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expires after (days) <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} placeholder="never" />
        </label>
        <button type="submit" className="button-primary" disabled={!name.trim() || create.isPending}>
          Create token
        </button>
      </form>
      {create.isError && (
        <p className="state state-error" role="alert">
          Could not create the token: {create.error.message}
        </p>
      )}
      {created && (
        <div className="state state-done new-token" role="status">
          <p>
            Token <strong>{created.name}</strong> ({created.role}). Copy it now: it is not shown again.
          </p>
          <code aria-label="New token">{created.token}</code>
        </div>
      )}
      {tokens.isPending && <Loading what="tokens" />}
      {tokens.isError && <ErrorState error={tokens.error} what="tokens" onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && tokens.data.length === 0 && <Empty>No tokens yet.</Empty>}
      {tokens.isSuccess && tokens.data.length > 0 && (
        <ScrollTable label="API tokens" columns={['Name', 'Role', 'Owner', 'Created', 'Expires', '']}>
          {tokens.data.map((t) => (
            <tr key={t.id} data-token={t.name}>
              <td data-label="Name">{t.name}</td>
              <td data-label="Role">{t.role}</td>
              <td data-label="Owner">{t.owner}</td>
              <td data-label="Created">
                <Time iso={t.createdAt} />
              </td>
              <td data-label="Expires">{t.revokedAt ? 'revoked' : t.expiresAt ? <Time iso={t.expiresAt} /> : 'never'}</td>
              <td>
                {!t.revokedAt && (
                  <button type="button" className="button-danger" disabled={revoke.isPending} onClick={() => revoke.mutate(t.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </ScrollTable>
      )}
    </section>
  );
}
