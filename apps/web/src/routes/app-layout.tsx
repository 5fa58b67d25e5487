// The frame around every signed-in screen: navigation, role, sign out.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import { meQuery, signOut } from '../api/auth';
import type { Role } from '../api/types';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [isExact] = useRoute(href);
  const [isNested] = useRoute(`${href}/*`);
  return (
    <Link href={href} aria-current={isExact || isNested ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function AppLayout({ role, children }: { role: Role; children: ReactNode }) {
  const client = useQueryClient();
  const me = useQuery(meQuery());
  const logout = useMutation({ mutationFn: signOut, onSuccess: () => {
      client.clear();
      window.location.assign('/');
    },
  });
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Shipgate
        </Link>
        <nav aria-label="Main">
          <NavLink href="/projects">Projects</NavLink>
          <NavLink href="/history">History</NavLink>
          <NavLink href="/reports">Ship reports</NavLink>
          <NavLink href="/audit">Audit</NavLink>
          <NavLink href="/tokens">Tokens</NavLink>
        </nav>
        <span className="role" title={me.data?.email ?? undefined}>
          Signed in as {me.data ? `${me.data.name} (${me.data.role})` : role}
        </span>
        <button type="button" onClick={() => logout.mutate()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
