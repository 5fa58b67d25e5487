// The project's lock: while locked, who locked it, since when and why, with Unlock; otherwise a
// Lock button that asks for the reason. Promotes are refused while locked; rollbacks, cancels and
// resumes never are (the server decides; this only shows it).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { lockProject, projectsQuery, unlockProject } from '../../api/projects';
import type { ProjectDto } from '../../api/types';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Time } from '../../ui/time';

export function LockPanel({ project, disabledReason }: { project: ProjectDto; disabledReason: string | null }) {
  const client = useQueryClient();
  const [isAsking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: projectsQuery().queryKey });
  const lock = useMutation({ mutationFn: () => lockProject(project.id, reason.trim()), onSuccess: refresh, onSettled: () => setAsking(false) });
  const unlock = useMutation({ mutationFn: () => unlockProject(project.id), onSuccess: refresh });
  const error = lock.error ?? unlock.error;
  if (project.lock) {
    return (
      <div className="state state-warn" role="status" data-testid="project-lock">
        <span aria-hidden="true">🔒</span> Locked by {project.lock.by} <Time iso={project.lock.since} isRelative />: {project.lock.reason}. Promotes are refused until it is unlocked; rollbacks, cancels and resumes still work.{' '}
        <button type="button" disabled={disabledReason !== null || unlock.isPending} title={disabledReason ?? undefined} onClick={() => unlock.mutate()}>
          Unlock
        </button>
        {error && <span className="state-error"> {error.message}</span>}
      </div>
    );
  }
  return (
    <div className="lock-panel">
      <button type="button" disabled={disabledReason !== null || lock.isPending} title={disabledReason ?? undefined} onClick={() => setAsking(true)}>
        Lock promotes…
      </button>
      {error && <span className="state-error"> {error.message}</span>}
      <ConfirmDialog
        isOpen={isAsking}
        title={`Lock ${project.name}?`}
        confirmLabel="Lock"
        isBusy={lock.isPending}
        isConfirmDisabled={reason.trim() === ''}
        onConfirm={() => lock.mutate()}
        onCancel={() => setAsking(false)}
      >
        <p>No one can promote {project.name} until it is unlocked. Rollbacks, cancels and resumes still work.</p>
        <label>
          Why (shown to everyone who tries to promote){' '}
          <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={500} />
        </label>
      </ConfirmDialog>
    </div>
  );
}
