// Loading, error and empty states shared by every screen.
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status">
      <span aria-hidden="true">◌</span> Loading {what}…
    </p>
  );
}

export function ErrorState({ error, what }: { error: unknown; what: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" role="alert">
      <strong>
        <span aria-hidden="true">!</span> Could not load {what}.
      </strong>{' '}
      {message}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
