// The steps of a release with status and (ticking) durations; picking one shows its log.
import type { StepDto } from '../../api/types';
import { durationBetween } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { useNow } from '../../ui/use-now';

interface Props {
  steps: StepDto[];
  selected: string | null;
  onSelect: (step: string) => void;
}

export function StepTimeline({ steps, selected, onSelect }: Props) {
  const now = useNow(steps.some((s) => s.status === 'running'));
  return (
    <ol className="timeline" aria-label="Steps">
      {steps.map((step) => (
        <li key={step.name} className={`timeline-step step-${step.status}`} data-step={step.name}>
          <button type="button" className="timeline-button" aria-pressed={selected === step.name} onClick={() => onSelect(step.name)}>
            <span className="timeline-name">{step.name}</span>
            <StatusBadge status={step.status} />
            {/* a pending step that has a start was interrupted: it runs again on resume, its old start says nothing */}
            <span className="timeline-duration">{step.status === 'pending' ? '—' : durationBetween(step.startedAt, step.finishedAt, now)}</span>
          </button>
          {step.detail && <p className="detail">{step.detail}</p>}
        </li>
      ))}
    </ol>
  );
}
