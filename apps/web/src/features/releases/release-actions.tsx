// "Abort and roll back" (while running) and "Roll back" (after success), each confirmed;
// disabled with the reason for a viewer.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { cancelRelease, isActive, resumeRelease, rollbackRelease } from '../../api/releases';
import { sessionQuery } from '../../api/session';
import type { ReleaseDto } from '../../api/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';

type Action = 'abort' | 'rollback' | 'resume';
const RUN: Record<Action, (id: string) => Promise<unknown>> = { abort: cancelRelease, rollback: rollbackRelease, resume: resumeRelease };
const LABEL: Record<Action, string> = { abort: 'Abort and roll back', rollback: 'Roll back', resume: 'Resume' };

export function ReleaseActions({ release, projectName }: { release: ReleaseDto; projectName: string }) {
  const session = useQuery(sessionQuery());
  const [confirming, setConfirming] = useState<Action | null>(null);
  const run = useMutation({ mutationFn: (action: Action) => RUN[action](release.id), onSettled: () => setConfirming(null) });
  const actions: Action[] = isActive(release) && release.status !== 'rolling_back' ? ['abort'] : release.status === 'succeeded' ? ['rollback'] : release.status === 'interrupted' ? ['resume', 'abort'] : [];
  if (actions.length === 0) return null;
  const isViewer = session.data?.role === 'viewer';
  return (
    <div className="release-actions">
      {actions.map((action) => (
        <button key={action} type="button" className={action === 'resume' ? '' : 'button-danger'} disabled={isViewer || run.isPending} onClick={() => setConfirming(action)}>
          {LABEL[action]}
        </button>
      ))}
      {isViewer && <p className="reason">You are signed in as a viewer: viewers cannot abort, resume or roll back.</p>}
      {run.isError && (
        <p className="state state-error" role="alert">
          {run.error.message}
        </p>
      )}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={`${confirming ? LABEL[confirming] : ''}: ${projectName} ${release.version ?? ''}?`}
        confirmLabel={confirming ? LABEL[confirming] : ''}
        isDanger={confirming !== 'resume'}
        isBusy={run.isPending}
        onConfirm={() => confirming && run.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          {confirming === 'abort' && 'This stops the running step and puts production back on the version it ran before this release.'}
          {confirming === 'rollback' &&
            (release.previousVersion
              ? `Production goes back to ${release.previousVersion} (or to the newest older release, if ${release.previousVersion} was rolled back itself); the tag stays.`
              : 'Production goes back to the previous version; the tag stays.')}
          {confirming === 'resume' && 'This continues the release from its first unfinished step.'}
        </p>
      </ConfirmDialog>
    </div>
  );
}
