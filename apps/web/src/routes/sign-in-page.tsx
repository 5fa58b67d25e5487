// Sign-in: paste a token (the printed ?token= link signs in without this form).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionQuery, signIn } from '../api/session';

export function SignInPage({ error }: { error?: string | null }) {
  const [token, setToken] = useState('');
  const client = useQueryClient();
  const login = useMutation({
    mutationFn: () => signIn(token.trim()),
    onSuccess: (session) => client.setQueryData(sessionQuery().queryKey, { role: session?.role ?? null }),
  });
  return (
    <main className="sign-in">
      <h1>Sign in to Shipgate</h1>
      <p>Open the link Shipgate printed at start, or paste a token (deployer or viewer).</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) login.mutate();
        }}
      >
        <label htmlFor="token">Token</label>
        <input id="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
        <button type="submit" className="button-primary" disabled={login.isPending || !token.trim()}>
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
