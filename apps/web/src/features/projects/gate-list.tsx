// The gate checklist, each gate with its evidence.
import type { GateResult } from '../../api/types';
import { StatusBadge } from '../../ui/status-badge';
import { TextWithTimes, Time } from '../../ui/time';

export function GateList({ gates }: { gates: GateResult[] }) {
  return (
    <ul className="checklist" aria-label="Gates">
      {gates.map((gate) => (
        <li key={gate.id} className="check" data-gate={gate.id}>
          <StatusBadge status={gate.status} />
          <div>
            <strong>{gate.title}</strong>
            <p className="detail">
              <TextWithTimes text={gate.detail} />
            </p>
            {gate.evidence && <Evidence evidence={gate.evidence} detail={gate.detail} />}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Where the verdict came from; who and when only when the gate's detail does not say it already. */
function Evidence({ evidence, detail }: { evidence: NonNullable<GateResult['evidence']>; detail: string }) {
  const by = evidence.by && !detail.includes(evidence.by) ? evidence.by : null;
  const at = evidence.at && !detail.includes(evidence.at) ? evidence.at : null;
  const field = evidence.field ? ` (${evidence.field}${evidence.value !== undefined ? ` = ${String(evidence.value)}` : ''})` : '';
  if (!by && !at && !evidence.file) return null;
  return (
    <p className="evidence">
      Evidence: {by && `by ${by}`}
      {by && at && ', '}
      {at && (
        <>
          at <Time iso={at} />
        </>
      )}
      {(by || at) && evidence.file && ', '}
      {evidence.file && `from ${evidence.file}${field}`}
    </p>
  );
}
