// The project's freeze (CONTRACT §7 `freezes`): while promotes are frozen, which freeze and until
// when (admins may override with a reason); otherwise the next freeze, so nobody is surprised.
// The server decides; this only shows it.
import type { ProjectFreezeDto } from '../../api/types';
import { Time } from '../../ui/time';

export function FreezePanel({ freeze }: { freeze: ProjectFreezeDto }) {
  const until = freeze.until === 'never' ? <>until further notice</> : <>until <Time iso={freeze.until} /></>;
  if (freeze.active) {
    return (
      <div className="state state-warn" role="status" data-testid="project-freeze">
        <span aria-hidden="true">❄</span> Promotes are frozen (“{freeze.name}”) {until}. Only an admin may promote now, with a reason that is audited and written in the ship
        report; rollbacks, cancels and resumes still work.
      </div>
    );
  }
  return (
    <p className="muted" data-testid="project-freeze">
      <span aria-hidden="true">❄</span> Next freeze: “{freeze.name}” from <Time iso={freeze.from} /> {until}.
    </p>
  );
}

/** The sentence for the Promote button's reason while a freeze is active. */
export function frozenText(freeze: ProjectFreezeDto): string {
  return `Promotes are frozen (“${freeze.name}”) ${freeze.until === 'never' ? 'until further notice' : `until ${freeze.until}`}`;
}
