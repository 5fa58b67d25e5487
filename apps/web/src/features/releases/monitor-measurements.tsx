// The numbers behind the latest evaluation: each measurement now, before the deploy, the limit
// it must stay under, and the change with its 95% interval. A value over its limit says so in
// words and with an icon.
import type { MonitorSample } from '../../api/types';
import { limitsOf, limitText, msText, percentText, ppText, ratioText } from './monitor-numbers';
import { ScrollTable } from '../../ui/scroll-table';

function Position({ value, limit }: { value: number | null; limit: number | null }) {
  if (value === null || limit === null) return <span className="muted">—</span>;
  return value > limit ? (
    <span className="over-limit">
      <span aria-hidden="true">▲</span> over the limit
    </span>
  ) : (
    <span className="under-limit">
      <span aria-hidden="true">✓</span> within the limit
    </span>
  );
}

/** One measured quantity: now, before the deploy, its limit, the change with its interval, where it stands. */
function MeasurementRow(props: {
  id: string;
  name: string;
  text: (value: number | null) => string;
  now: number | null;
  before: number | null;
  limit: number | null;
  limitNote: string;
  change: string | null | undefined;
}) {
  const { text } = props;
  return (
    <tr data-measurement={props.id}>
      <th scope="row">{props.name}</th>
      <td data-label="Now">{text(props.now)}</td>
      <td data-label="Before the deploy">{text(props.before)}</td>
      <td data-label="Limit">
        {text(props.limit)} <span className="muted">({props.limitNote})</span>
      </td>
      <td data-label="Change (95% interval)">{props.change || '—'}</td>
      <td data-label="Where it stands">
        <Position value={props.now} limit={props.limit} />
      </td>
    </tr>
  );
}

export function MonitorMeasurements({ sample }: { sample: MonitorSample }) {
  const { baseline, current, thresholds, errorRateDiff, latencyRatio } = sample;
  const limits = limitsOf(sample);
  return (
    <ScrollTable columns={['Measurement', 'Now', 'Before the deploy', 'Limit', 'Change (95% interval)', 'Where it stands']} label="Latest measurements" className="measurements">
      <MeasurementRow
        id="error-rate"
        name="Error rate"
        text={percentText}
        now={current.errorRate}
        before={baseline.errorRate}
        limit={limits.errorRate}
        limitNote={`baseline +${limitText(thresholds.errorRateIncrease)} pp`}
        change={errorRateDiff && `${ppText(errorRateDiff.estimate)} (${ppText(errorRateDiff.lower)} to ${ppText(errorRateDiff.upper)})`}
      />
      <MeasurementRow
        id="p95-latency"
        name="p95 latency"
        text={msText}
        now={current.p95Ms}
        before={baseline.p95Ms}
        limit={limits.p95Ms}
        limitNote={`baseline +${limitText(thresholds.latencyDegradation * 100)}%`}
        change={latencyRatio && `${ratioText(latencyRatio.estimate)} (${ratioText(latencyRatio.lower)} to ${ratioText(latencyRatio.upper)})`}
      />
      <tr>
        <th scope="row">Requests</th>
        <td data-label="Now">{current.requests}</td>
        <td data-label="Before the deploy">{baseline.requests}</td>
        <td colSpan={3} className="muted">
          an error rate above {limitText(thresholds.errorRateCeiling * 100)}% is an outage and rolls back at once
        </td>
      </tr>
    </ScrollTable>
  );
}
