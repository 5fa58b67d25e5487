// Loading, error and empty states shared by every screen.
import type { ReactNode } from 'react';
import { errorText, UNREACHABLE } from '../api/http';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state" role="status">
      <span aria-hidden="true">◌</span> Loading {what}…
    </p>
  );
}

export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const message = errorText(error);
  const unreachable = message === UNREACHABLE;
  return (
    <div className="state state-error" role="alert">
      <strong>
        <span aria-hidden="true">!</span> {unreachable ? message : `Could not load ${what}.`}
      </strong>{' '}
      {!unreachable && message}
      {onRetry && (
        <>
          {' '}
          <button type="button" className="retry" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
