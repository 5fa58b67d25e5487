// Signs in (from ?token= or the form), then starts the live connection and shows the app.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { liveUpdates } from '../api/query-client';
import { sessionQuery, signIn } from '../api/session';
import { ErrorState, Loading } from '../ui/query-state';
import { AppLayout } from './app-layout';
import { AppRoutes } from './app-routes';
import { SignInPage } from './sign-in-page';

function takeTokenFromUrl(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token === null) return null;
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return token;
}

export function App() {
  const client = useQueryClient();
  const [linkToken] = useState(takeTokenFromUrl);
  const [isExchanging, setExchanging] = useState(linkToken !== null);
  const [linkError, setLinkError] = useState<string | null>(null);
  useEffect(() => {
    if (linkToken === null) return;
    signIn(linkToken)
      .then(() => client.invalidateQueries({ queryKey: sessionQuery().queryKey }))
      .catch(() => setLinkError('The sign-in link was not accepted: its token is wrong or expired. Paste a token instead.'))
      .finally(() => setExchanging(false));
  }, [linkToken, client]);
  const session = useQuery({ ...sessionQuery(), enabled: !isExchanging });
  const role = session.data?.role ?? null;
  useEffect(() => {
    if (role) liveUpdates.start();
  }, [role]);
  if (isExchanging || session.isPending) return <Loading what="your session" />;
  if (session.isError) return <ErrorState error={session.error} what="your session" onRetry={() => void session.refetch()} />;
  if (!role) return <SignInPage error={linkError} />;
  return (
    <AppLayout role={role}>
      <AppRoutes />
    </AppLayout>
  );
}
