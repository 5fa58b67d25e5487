// The plan's blockers, each with what clears it (plan.blockedBy, decided by core): the words,
// the command for the CLI, and a button when the dashboard can do it (a promote with the
// action's options; "promote anyway" asks for the reason the ship report records).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import type { PromoteBody } from '@shipgate/contract';
import { projectsQuery, promoteProject } from '../../api/projects';
import type { PlanDto } from '../../api/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';

type Blocker = PlanDto['blockedBy'][number];

export function BlockerList({ projectId, plan, disabledReason }: { projectId: string; plan: PlanDto; disabledReason: string | null }) {
  const [chosen, setChosen] = useState<Blocker | null>(null);
  const [reason, setReason] = useState('');
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const promote = useMutation({
    mutationFn: (body: PromoteBody) => promoteProject(projectId, body),
    onSuccess: (release) => {
      void client.invalidateQueries({ queryKey: projectsQuery().queryKey });
      navigate(`/releases/${release.id}`);
    },
    onSettled: () => setChosen(null),
  });
  const blockers: Blocker[] = plan.blockedBy;
  const action = chosen?.action;
  const needsReason = action?.promote?.allowUnvalidated === true;
  return (
    <div className="blockers" role="alert">
      <h2>
        <span aria-hidden="true">✗</span> Blocked: this release cannot go out yet
      </h2>
      <ul>
        {blockers.map((b) => (
          <li key={b.message} data-testid="blocker" data-action={b.action.id}>
            {b.message}
            <div className="blocker-action">
              <span className="muted">To clear it: </span>
              {b.action.promote ? (
                <button type="button" disabled={disabledReason !== null || promote.isPending} title={disabledReason ?? undefined} onClick={() => setChosen(b)}>
                  {b.action.label}
                </button>
              ) : (
                <span>{b.action.label}</span>
              )}
              {b.action.cli && (
                <>
                  {' '}
                  <span className="muted">CLI:</span> <code>{b.action.cli}</code>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {promote.isError && (
        <p className="state state-error" role="alert">
          Could not start the release: {promote.error.message}
        </p>
      )}
      <ConfirmDialog
        isOpen={chosen !== null}
        title={action?.promote?.bump ? `Release ${action.promote.bump === 'patch' ? 'as a patch' : action.promote.bump} anyway?` : 'Promote anyway?'}
        confirmLabel={needsReason ? 'Promote anyway' : 'Promote'}
        isBusy={promote.isPending}
        isConfirmDisabled={needsReason && reason.trim() === ''}
        onConfirm={() => {
          if (!action?.promote) return;
          promote.mutate({
            ...(action.promote.bump ? { bump: action.promote.bump } : {}),
            ...(needsReason ? { allowUnvalidated: { reason: reason.trim() } } : {}),
          });
        }}
        onCancel={() => setChosen(null)}
      >
        <p>{chosen?.message}</p>
        {needsReason && (
          <label>
            Why (recorded in the ship report with your name){' '}
            <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
          </label>
        )}
      </ConfirmDialog>
    </div>
  );
}
