// The next version and why: the commits and CHANGELOG entries that decide the bump.
import type { PlanDto } from '../../api/types';

export function VersionReasons({ plan }: { plan: PlanDto }) {
  return (
    <section aria-labelledby="version-heading">
      <h2 id="version-heading">Next version</h2>
      <p className="version-line">
        {plan.currentVersion ?? 'none'} → <strong>{plan.nextVersion ?? 'nothing to release'}</strong>
        {plan.bump && <span className="muted"> ({plan.bump} bump, decided by {plan.bumpSource ?? 'the plan'})</span>}
      </p>
      {plan.reasons.length > 0 && (
        <ul className="reasons">
          {plan.reasons.map((reason, i) => (
            <li key={i}>
              <span className={`bump bump-${reason.bump}`}>{reason.bump}</span>{' '}
              {reason.commit ? (
                <>
                  <code>{reason.commit}</code> {reason.subject}
                </>
              ) : (
                <>
                  CHANGELOG {reason.changelogSection}: {reason.entry}
                </>
              )}
              {reason.note && <span className="muted"> — {reason.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
