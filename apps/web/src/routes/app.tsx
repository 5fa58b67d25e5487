// Signs in (the form; the server itself exchanges a printed ?token= link for the cookie and
// redirects without it — ?signin=failed says that link was wrong), then starts the live
// connection and shows the app. ?token= is still taken here for the Vite dev server.
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

const LINK_REFUSED = 'The sign-in link was not accepted: its token is wrong or expired. Paste a token instead.';

/** The server's answer to a wrong sign-in link, taken off the URL. */
function takeSignInFailure(): string | null {
  const url = new URL(window.location.href);
  if (url.searchParams.get('signin') !== 'failed') return null;
  url.searchParams.delete('signin');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  return LINK_REFUSED;
}

export function App() {
  const client = useQueryClient();
  const [linkToken] = useState(takeTokenFromUrl);
  const [isExchanging, setExchanging] = useState(linkToken !== null);
  const [linkError, setLinkError] = useState<string | null>(takeSignInFailure);
  useEffect(() => {
    if (linkToken === null) return;
    signIn(linkToken)
      .then(() => client.invalidateQueries({ queryKey: sessionQuery().queryKey }))
      .catch(() => setLinkError(LINK_REFUSED))
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
