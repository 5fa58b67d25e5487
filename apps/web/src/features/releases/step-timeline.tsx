// The steps of a release with status and (ticking) durations; picking one shows its log.
// The pre-deploy baseline is its own visible phase before deploy, with its countdown: while it
// runs, production has not changed and deploy only waits.
import type { ReleaseFeed } from '../../api/release-feed';
import type { StepDto } from '../../api/types';
import { durationBetween, formatDuration } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { TextWithTimes } from '../../ui/time';
import { useNow } from '../../ui/use-now';

interface Props {
  steps: StepDto[];
  baseline: ReleaseFeed['baseline'];
  selected: string | null;
  onSelect: (step: string) => void;
}

export function StepTimeline({ steps, baseline, selected, onSelect }: Props) {
  const now = useNow(steps.some((s) => s.status === 'running'));
  const deploy = steps.find((s) => s.name === 'deploy');
  const isMeasuring = baseline !== null && deploy?.status === 'running' && Date.parse(baseline.endsAt) > now;
  return (
    <ol className="timeline" aria-label="Steps">
      {steps.map((step) => (
        <StepItem key={step.name} step={step} now={now} isSelected={selected === step.name} onSelect={onSelect} baseline={step.name === 'deploy' ? baseline : null} isMeasuring={isMeasuring} />
      ))}
    </ol>
  );
}

function StepItem({ step, now, isSelected, onSelect, baseline, isMeasuring }: { step: StepDto; now: number; isSelected: boolean; onSelect: (step: string) => void; baseline: ReleaseFeed['baseline']; isMeasuring: boolean }) {
  const isWaiting = baseline !== null && isMeasuring;
  // deploy's own time starts when the baseline ends
  const start = baseline && step.startedAt && !isMeasuring ? baseline.endsAt : step.startedAt;
  return (
    <>
      {baseline && <BaselinePhase baseline={baseline} now={now} isMeasuring={isMeasuring} isCut={step.finishedAt !== null && Date.parse(step.finishedAt) < Date.parse(baseline.endsAt)} />}
      <li className={`timeline-step step-${step.status}`} data-step={step.name}>
        <button type="button" className="timeline-button" aria-pressed={isSelected} onClick={() => onSelect(step.name)}>
          <span className="timeline-name">{step.name}</span>
          {isWaiting ? (
            <span className="badge badge-muted">
              <span aria-hidden="true">○</span> Waits for the baseline
            </span>
          ) : (
            <StatusBadge status={step.status} />
          )}
          {/* a pending step that has a start was interrupted: it runs again on resume, its old start says nothing */}
          <span className="timeline-duration">{step.status === 'pending' || isWaiting ? '—' : durationBetween(start, step.finishedAt, now)}</span>
        </button>
        {step.detail && (
          <p className="detail">
            <TextWithTimes text={step.detail} />
          </p>
        )}
      </li>
    </>
  );
}

function BaselinePhase({ baseline, now, isMeasuring, isCut }: { baseline: NonNullable<ReleaseFeed['baseline']>; now: number; isMeasuring: boolean; isCut: boolean }) {
  return (
    <li className="timeline-step timeline-phase" data-step="baseline">
      <div className="timeline-button timeline-static">
        <span className="timeline-name">baseline</span>
        {isMeasuring ? (
          <span className="badge badge-busy">
            <span aria-hidden="true">◔</span> Measuring
          </span>
        ) : isCut ? (
          <span className="badge badge-warn">
            <span aria-hidden="true">■</span> Stopped
          </span>
        ) : (
          <span className="badge badge-good">
            <span aria-hidden="true">✓</span> Measured
          </span>
        )}
        <span className="timeline-duration">{isMeasuring ? `${formatDuration(Date.parse(baseline.endsAt) - now)} left` : isCut ? '—' : formatDuration(baseline.seconds * 1000)}</span>
      </div>
      <p className="detail">
        {isMeasuring
          ? 'Production before the deploy, to compare against afterwards. Nothing has changed yet.'
          : isCut
            ? 'Stopped before the deploy: production never changed.'
            : 'Production before the deploy, the yardstick for monitoring.'}
      </p>
    </li>
  );
}
