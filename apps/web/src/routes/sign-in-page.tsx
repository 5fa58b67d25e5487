// Sign-in: "Sign in with <provider>" when the server has an OpenID provider configured; the token
// paste stays for automation tokens and the no-IdP default (the printed ?token= link signs in
// without this form).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { authInfoQuery, providerLoginHref } from '../api/auth';
import { sessionQuery, signIn } from '../api/session';

export function SignInPage({ error }: { error?: string | null }) {
  const [token, setToken] = useState('');
  const client = useQueryClient();
  const info = useQuery(authInfoQuery());
  const oidc = info.data?.oidc ?? null;
  const login = useMutation({
    mutationFn: () => signIn(token.trim()),
    onSuccess: (session) => client.setQueryData(sessionQuery().queryKey, { role: session?.role ?? null }),
  });
  return (
    <main className="sign-in">
      <h1>Sign in to Shipgate</h1>
      {oidc && (
        <>
          <a className="button button-primary sign-in-provider" href={providerLoginHref(oidc.loginUrl)}>
            Sign in with {oidc.name}
          </a>
          <p className="sign-in-or">or, with an API token:</p>
        </>
      )}
      {!oidc && <p>Open the link Shipgate printed at start, or paste a token.</p>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) login.mutate();
        }}
      >
        <label htmlFor="token">Token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} autoFocus={!oidc} />
        <button type="submit" className={oidc ? undefined : 'button-primary'} disabled={login.isPending || !token.trim()}>
          Sign in
        </button>
      </form>
      {(login.isError || error) && (
        <p className="state state-error" role="alert">
          {login.isError ? `That token did not work: ${login.error.message}` : error}
        </p>
      )}
    </main>
  );
}
