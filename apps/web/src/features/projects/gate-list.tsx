// The gate checklist, each gate with its evidence.
import type { GateResult } from '../../api/types';
import { StatusBadge } from '../../ui/status-badge';

export function GateList({ gates }: { gates: GateResult[] }) {
  return (
    <ul className="checklist" aria-label="Gates">
      {gates.map((gate) => (
        <li key={gate.id} className="check" data-gate={gate.id}>
          <StatusBadge status={gate.status} />
          <div>
            <strong>{gate.title}</strong>
            <p className="detail">{gate.detail}</p>
            {gate.evidence && <Evidence evidence={gate.evidence} />}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Evidence({ evidence }: { evidence: NonNullable<GateResult['evidence']> }) {
  const parts = [
    evidence.by && `by ${evidence.by}`,
    evidence.at && `at ${new Date(evidence.at).toLocaleString()}`,
    evidence.file && `from ${evidence.file}${evidence.field ? ` (${evidence.field}` : ''}${evidence.field && evidence.value !== undefined ? ` = ${String(evidence.value)})` : evidence.field ? ')' : ''}`,
  ].filter(Boolean);
  return <p className="evidence">Evidence: {parts.join(', ')}</p>;
}
