// What happened to the project's last run, when it did not simply succeed: a release that was
// rolled back (by monitoring, its health checks or a cancel), failed, rejected by an approver,
// or was replaced by a manual rollback — and where production is now. The way forward follows it on the page.
import { Link } from 'wouter';
import type { ReleaseDto } from '../../api/types';

export function LastOutcome({ release, production }: { release: ReleaseDto; production: string | null }) {
  const now = production ? `Production runs ${production}.` : '';
  if (release.kind === 'rollback') {
    return (
      <p className="state" role="status" data-testid="last-outcome">
        <span aria-hidden="true">↺</span> {release.previousVersion ?? 'A release'} was rolled back by hand to {release.version ?? '?'}
        {release.reason ? ` (${release.reason})` : ''}. {now} <Link href={`/releases/${release.id}`}>Open the rollback</Link>
      </p>
    );
  }
  if (release.status === 'rejected') {
    const rejection = release.approval?.rejection;
    return (
      <p className="state state-warn" role="status" data-testid="last-outcome">
        <span aria-hidden="true">⊘</span> {release.version ?? 'The last release'} was rejected{rejection ? ` by ${rejection.actor}` : ''}
        {rejection?.comment ? `: ${rejection.comment}` : ''}. Nothing was pushed or deployed. {now} <Link href={`/releases/${release.id}`}>Open the release</Link>
      </p>
    );
  }
  if (release.status === 'rolled_back' || release.status === 'failed') {
    const what = release.status === 'rolled_back' ? 'was rolled back automatically' : 'failed';
    return (
      <p className="state state-error" role="status" data-testid="last-outcome">
        <span aria-hidden="true">!</span> {release.version ?? 'The last release'} {what}
        {release.error ? `: ${release.error.message}` : ''}. {now} Fix the cause and promote again. <Link href={`/releases/${release.id}`}>Open the release</Link>
      </p>
    );
  }
  return null;
}
