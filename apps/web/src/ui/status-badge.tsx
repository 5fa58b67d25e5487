// A status as icon + words (never colour alone). The words come from the contract's
// vocabularies (release lifecycle, steps, gates); only the monitoring verdicts are named here.
import { GATE_LOOK, LIFECYCLE, STEP_LOOK } from '@shipgate/contract';

interface Look {
  icon: string;
  label: string;
  tone: string;
}

const VERDICTS: Record<string, Look> = {
  PASS: { icon: '✓', label: 'Healthy', tone: 'good' },
  FAIL: { icon: '✗', label: 'Breach', tone: 'bad' },
  INCONCLUSIVE: { icon: '?', label: 'Inconclusive', tone: 'warn' },
  NO_DATA: { icon: '…', label: 'Not enough data', tone: 'muted' },
  ERROR: { icon: '!', label: 'Could not measure', tone: 'bad' },
};

const LOOKS: Record<string, Look> = { ...GATE_LOOK, ...STEP_LOOK, ...LIFECYCLE, ...VERDICTS, unknown: { icon: '?', label: 'Unknown', tone: 'warn' } };

export function StatusBadge({ status }: { status: string }) {
  const look = LOOKS[status] ?? { icon: '•', label: status, tone: 'muted' };
  return (
    <span className={`badge badge-${look.tone}`} data-status={status}>
      <span aria-hidden="true">{look.icon}</span> {look.label}
    </span>
  );
}
