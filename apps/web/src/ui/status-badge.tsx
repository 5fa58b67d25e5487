// A status as icon + words (never colour alone).
const LOOK: Record<string, { icon: string; label: string; tone: string }> = {
  pass: { icon: '✓', label: 'Pass', tone: 'good' },
  fail: { icon: '✗', label: 'Fail', tone: 'bad' },
  skip: { icon: '–', label: 'Skipped', tone: 'muted' },
  pending: { icon: '○', label: 'Pending', tone: 'muted' },
  queued: { icon: '○', label: 'Queued', tone: 'muted' },
  running: { icon: '◐', label: 'Running', tone: 'busy' },
  monitoring: { icon: '◔', label: 'Monitoring', tone: 'busy' },
  succeeded: { icon: '✓', label: 'Succeeded', tone: 'good' },
  failed: { icon: '✗', label: 'Failed', tone: 'bad' },
  skipped: { icon: '–', label: 'Skipped', tone: 'muted' },
  rolling_back: { icon: '↺', label: 'Rolling back', tone: 'warn' },
  rolled_back: { icon: '↺', label: 'Rolled back', tone: 'warn' },
  cancelled: { icon: '■', label: 'Cancelled', tone: 'warn' },
  interrupted: { icon: '‖', label: 'Interrupted', tone: 'warn' },
  unknown: { icon: '?', label: 'Unknown', tone: 'warn' },
  PASS: { icon: '✓', label: 'Healthy', tone: 'good' },
  FAIL: { icon: '✗', label: 'Breach', tone: 'bad' },
  INCONCLUSIVE: { icon: '?', label: 'Inconclusive', tone: 'warn' },
  NO_DATA: { icon: '…', label: 'Not enough data', tone: 'muted' },
  ERROR: { icon: '!', label: 'Could not measure', tone: 'bad' },
};

export function StatusBadge({ status }: { status: string }) {
  const look = LOOK[status] ?? { icon: '•', label: status, tone: 'muted' };
  return (
    <span className={`badge badge-${look.tone}`} data-status={status}>
      <span aria-hidden="true">{look.icon}</span> {look.label}
    </span>
  );
}
