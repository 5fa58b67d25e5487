// The release's buttons are exactly its `actions` from the API (the server asks core's
// lifecycle what this caller may do now): cancel, resume, rollback — each confirmed. Approve
// and reject live in the approval panel (approval-panel.tsx). A viewer gets no actions; the
// reason says so.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { runAction } from '../../api/releases';
import { meQuery, projectRole } from '../../api/auth';
import type { ReleaseAction, ReleaseDto } from '../../api/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';

type BarAction = Exclude<ReleaseAction, 'approve' | 'reject'>;
const LABEL: Record<BarAction, string> = { cancel: 'Cancel', resume: 'Resume', rollback: 'Roll back' };
const isBarAction = (action: ReleaseAction): action is BarAction => action in LABEL;

function explain(action: BarAction, release: ReleaseDto): string {
  switch (action) {
    case 'cancel':
      if (release.status === 'awaiting_approval') return 'Nothing ran yet: the release ends cancelled and the project is free for the next promote.';
      return 'This stops the running step; whatever was already deployed is rolled back, so production runs what it ran before this release.';
    case 'resume':
      return 'This continues the release from its first unfinished step.';
    case 'rollback':
      return `Production goes back to ${release.previousVersion ?? 'what it ran before'} (what it ran before ${release.version ?? 'this release'}); the tag stays. The rollback is recorded as its own item in History, and this release keeps its outcome.`;
  }
}

export function ReleaseActions({ release, projectName }: { release: ReleaseDto; projectName: string }) {
  const me = useQuery(meQuery());
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState<BarAction | null>(null);
  const [reason, setReason] = useState('');
  const run = useMutation({
    mutationFn: (action: BarAction) => runAction(release.id, action, reason.trim() ? { reason: reason.trim() } : undefined),
    onSuccess: (answer, action) => {
      // a rollback is its own record: follow it
      if (action === 'rollback' && answer && answer.id !== release.id) navigate(`/releases/${answer.id}`);
    },
    onSettled: () => setConfirming(null),
  });
  const isViewer = projectRole(me.data, release.projectId) === 'viewer';
  const actions = release.actions.filter(isBarAction);
  if (actions.length === 0 && !isViewer) return null;
  return (
    <div className="release-actions">
      {actions.map((action) => (
        <button key={action} type="button" className={action === 'resume' ? '' : 'button-danger'} disabled={run.isPending} data-action={action} onClick={() => setConfirming(action)}>
          {LABEL[action] ?? action}
        </button>
      ))}
      {isViewer && <p className="reason">You ({me.data?.name}) are a viewer on {projectName}: viewers cannot cancel, resume, roll back, approve or reject.</p>}
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
        <p>{confirming && explain(confirming, release)}</p>
        {confirming && (
          <label className="rollback-reason">
            {confirming === 'rollback' ? 'Why (recorded in the rollback, its report and the audit trail)' : 'Why (recorded in the audit trail)'}{' '}
            <input type="text" value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} placeholder={confirming === 'resume' ? 'e.g. the runner is back' : 'e.g. checkout errors since the deploy'} />
          </label>
        )}
      </ConfirmDialog>
    </div>
  );
}
