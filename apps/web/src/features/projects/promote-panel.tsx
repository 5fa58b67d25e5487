// "Promote to production": disabled with the reason when blocked, locked, frozen (for all but
// admins), running, or a viewer; otherwise a confirmation naming project and version (during a
// freeze, an admin's confirmation asks for the override's reason), then the live release page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/http';
import { projectsQuery, promoteProject } from '../../api/projects';
import { isActiveStatus } from '@shipgate/contract';
import { meQuery, projectRole } from '../../api/auth';
import type { PlanDto, ProjectDto } from '../../api/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { TextWithTimes } from '../../ui/time';
import { frozenText } from './freeze-panel';

export function PromotePanel({ project, plan }: { project: ProjectDto; plan: PlanDto }) {
  const [isConfirming, setConfirming] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const me = useQuery(meQuery());
  const role = projectRole(me.data, project.id);
  // an admin may promote during a freeze, with a reason (audited, in the ship report)
  const isOverride = project.freeze?.active === true && role === 'admin';
  const promote = useMutation({
    mutationFn: () => promoteProject(project.id, isOverride ? { override: { reason: overrideReason.trim() } } : {}),
    onSuccess: (release) => {
      void client.invalidateQueries({ queryKey: projectsQuery().queryKey });
      navigate(`/releases/${release.id}`);
    },
    onSettled: () => setConfirming(false),
  });
  const conflictId = promote.error instanceof ApiError && typeof promote.error.body['releaseId'] === 'string' ? promote.error.body['releaseId'] : null;
  const running = project.lastRelease && isActiveStatus(project.lastRelease.status) ? project.lastRelease : null;
  const isInterrupted = running?.status === 'interrupted';
  const runningId = running?.id ?? conflictId;
  const reason = promoteRefusal(project, role, me.data?.name) ?? (conflictId ? 'A release of this project is running.' : plan.blocked ? `Blocked: ${plan.blockers.join('; ') || 'see the gates'}.` : null);
  const version = plan.nextVersion ?? '';
  // from what production runs (as the release header will say), not from the last tag: after a
  // rollback the last tag is a version production no longer runs
  const from = plan.production?.version ?? plan.currentVersion ?? '';
  return (
    <div className="promote-panel">
      <button type="button" className="button-primary button-big" disabled={reason !== null || promote.isPending} aria-describedby="promote-reason" onClick={() => setConfirming(true)}>
        {isOverride ? 'Override the freeze and promote…' : 'Promote to production'}
      </button>
      <p id="promote-reason" className="reason">
        <TextWithTimes text={reason ?? (isOverride && project.freeze ? `${frozenText(project.freeze)}: as an admin you may override it with a reason. ${project.name} ${from} → ${version}.` : `Ready: ${project.name} ${from} → ${version}.`)} />
        {runningId && (
          <>
            {' '}
            <Link href={`/releases/${runningId}`}>{isInterrupted ? 'Open the interrupted release' : running?.status === 'awaiting_approval' ? 'Open the release awaiting approval' : 'Watch the running release'}</Link>
          </>
        )}
      </p>
      {promote.isError && !conflictId && (
        <p className="state state-error" role="alert">
          Could not start the release: {promote.error.message}
        </p>
      )}
      <ConfirmDialog
        isOpen={isConfirming}
        title={`Promote ${project.name} ${version} to production?`}
        confirmLabel={`Promote ${version}`}
        isBusy={promote.isPending}
        isConfirmDisabled={isOverride && overrideReason.trim() === ''}
        onConfirm={() => promote.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          This tags <strong>{plan.tag}</strong>, pushes it and deploys <strong>{project.name}</strong> version <strong>{version}</strong> to production, then runs{' '}
          {plan.steps.length} steps: {plan.steps.join(', ')}.
        </p>
        {project.approvalsRequired > 0 && (
          <p>
            <strong>
              It waits for {project.approvalsRequired} approval{project.approvalsRequired === 1 ? '' : 's'} by people other than you first
            </strong>{' '}
            (the project stays reserved for it until then).
          </p>
        )}
        {isOverride && project.freeze && (
          <label>
            <TextWithTimes text={`${frozenText(project.freeze)}. Why promote anyway (audited, written in the ship report)`} />{' '}
            <input value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} required maxLength={500} />
          </label>
        )}
      </ConfirmDialog>
    </div>
  );
}

/** Why this caller may not promote now (their role on the project, a lock, a freeze, an active release), or null. */
export function promoteRefusal(project: ProjectDto, role: string | null | undefined, name?: string): string | null {
  // an interrupted release still holds the project (the server answers 409): resume or cancel it first
  const running = project.lastRelease && isActiveStatus(project.lastRelease.status) ? project.lastRelease : null;
  if (role === 'viewer') return `You (${name ?? 'this sign-in'}) are a viewer on ${project.name}: viewers can look but cannot promote.`;
  if (project.lock) return `${project.name} is locked by ${project.lock.by}: ${project.lock.reason}. Unlock it to promote.`;
  if (project.freeze?.active && role !== 'admin') return `${frozenText(project.freeze)}: only an admin may promote now, with a reason.`;
  if (running?.status === 'interrupted') return `The release of ${running.version ?? 'this project'} was interrupted: resume it or cancel it before promoting again.`;
  if (running?.status === 'awaiting_approval') return `The release of ${running.version ?? 'this project'} awaits approval: it is approved, rejected or cancelled before the next promote.`;
  if (running) return 'A release of this project is running.';
  return null;
}
