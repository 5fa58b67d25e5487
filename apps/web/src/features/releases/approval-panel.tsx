// A release's approvals (CONTRACT §7): the commit and version they are for, who approved,
// who is still needed, approvals that stopped counting because main moved, a rejection, and
// Approve / Reject for those the server offers them to — disabled with the server's reason
// for everyone else (the requester reads "you requested this release; someone else must approve").
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { allReleasesKey, approveRelease, rejectRelease, releaseQuery } from '../../api/releases';
import type { ApprovalDecisionDto, ReleaseDto } from '../../api/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Time } from '../../ui/time';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const short = (sha: string) => sha.slice(0, 12);

function Decision({ d }: { d: ApprovalDecisionDto }) {
  return (
    <>
      <strong>{d.actor}</strong> <Time iso={d.at} isRelative /> for <code>{short(d.commit)}</code>
      {d.version && ` (v${d.version})`}
      {d.comment && <>: “{d.comment}”</>}
    </>
  );
}

export function ApprovalPanel({ release }: { release: ReleaseDto }) {
  const approval = release.approval;
  const client = useQueryClient();
  const [asking, setAsking] = useState<'approve' | 'reject' | null>(null);
  const [text, setText] = useState('');
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'reject') => (action === 'approve' ? approveRelease(release.id, text.trim()) : rejectRelease(release.id, text.trim())),
    onSuccess: (answer) => {
      if (answer) client.setQueryData(releaseQuery(release.id).queryKey, answer);
      setText('');
    },
    // a refusal (main moved: the approvals were voided and the release planned again) changes the release too
    onSettled: () => {
      setAsking(null);
      void client.invalidateQueries({ queryKey: allReleasesKey() });
    },
  });
  if (!approval) return null;
  const awaiting = release.status === 'awaiting_approval';
  const given = approval.approvals.length;
  const others = [`${release.actor} (requested it)`, ...approval.approvals.map((a) => `${a.actor} (approved)`)];
  return (
    <section className="card approval-panel" aria-labelledby="approvals-title" data-testid="approvals">
      <h2 id="approvals-title">Approvals</h2>
      <p>
        {plural(approval.required, 'approval')} by people other than {release.actor} · for <code title={approval.commit}>{short(approval.commit)}</code> of main
        {release.version && <> (v{release.version})</>}
      </p>
      {approval.replanned && (
        <p className="state state-warn" role="status" data-testid="approvals-replanned">
          {approval.replanned}
        </p>
      )}
      {given > 0 ? (
        <ul className="approval-list" aria-label="Approved by">
          {approval.approvals.map((a) => (
            <li key={`${a.actorId} ${a.at}`}>
              <span aria-hidden="true">✓</span> Approved by <Decision d={a} />
            </li>
          ))}
        </ul>
      ) : (
        awaiting && <p className="muted">No approval yet.</p>
      )}
      {awaiting && approval.stillNeeded > 0 && (
        <p data-testid="approvals-needed">
          <strong>Still needed: {plural(approval.stillNeeded, 'more approval')}</strong> by a deployer other than {others.join(', ')}.
        </p>
      )}
      {approval.void.length > 0 && (
        <ul className="approval-list approval-void" aria-label="No longer counted">
          {approval.void.map((a) => (
            <li key={`${a.actorId} ${a.at}`}>
              <del>
                Approved by <Decision d={a} />
              </del>{' '}
              — no longer counts: {a.reason}
            </li>
          ))}
        </ul>
      )}
      {approval.rejection && (
        <p className="state state-error" data-testid="approvals-rejection">
          <span aria-hidden="true">⊘</span> Rejected by <Decision d={approval.rejection} />
        </p>
      )}
      {awaiting && (
        <div className="approval-actions">
          {(['approve', 'reject'] as const).map((action) => {
            const allowed = release.actions.includes(action);
            const why = approval.refusals[action];
            return (
              <span key={action} className="approval-action">
                <button type="button" className={action === 'approve' ? 'button-primary' : 'button-danger'} disabled={!allowed || decide.isPending} title={why} data-action={action} onClick={() => setAsking(action)}>
                  {action === 'approve' ? 'Approve' : 'Reject'}
                </button>
              </span>
            );
          })}
          {[...new Set(Object.values(approval.refusals))].map((why) => (
            <p key={why} className="reason" data-testid="approval-refusal">
              {why}
            </p>
          ))}
        </div>
      )}
      {decide.isError && (
        <p className="state state-error" role="alert">
          {decide.error.message}
        </p>
      )}
      <ConfirmDialog
        isOpen={asking !== null}
        title={`${asking === 'approve' ? 'Approve' : 'Reject'} ${release.projectId} ${release.version ? `v${release.version}` : ''}?`}
        confirmLabel={asking === 'approve' ? 'Approve' : 'Reject'}
        isDanger={asking === 'reject'}
        isBusy={decide.isPending}
        isConfirmDisabled={asking === 'reject' && text.trim() === ''}
        onConfirm={() => asking && decide.mutate(asking)}
        onCancel={() => setAsking(null)}
      >
        <p>
          {asking === 'approve'
            ? `You approve ${release.version ? `v${release.version}` : 'this release'} built from ${short(approval.commit)} of main. ${approval.stillNeeded <= 1 ? 'Yours is the last approval needed: the release starts right away.' : `${plural(approval.stillNeeded - 1, 'more approval')} will still be needed.`} If main moved since, the approvals stop counting and the release is planned again.`
            : 'The release ends rejected: nothing is pushed or deployed, and the project is free for the next promote.'}
        </p>
        <label>
          {asking === 'approve' ? 'Comment (optional, recorded with your approval and in the ship report)' : 'Why (required, recorded on the release and in the audit trail)'}{' '}
          <input value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} required={asking === 'reject'} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
