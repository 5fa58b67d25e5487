// The numbers behind the latest evaluation: each measurement now, before the deploy, the limit
// it must stay under, and the change with its 95% interval. A value over its limit says so in
// words and with an icon.
import type { MonitorSample } from '../../api/types';
import { limitText, msText, percentText, ppText, ratioText } from './monitor-numbers';

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

export function MonitorMeasurements({ sample }: { sample: MonitorSample }) {
  const { baseline, current, thresholds, errorRateDiff, latencyRatio } = sample;
  const errorLimit = baseline.errorRate === null ? null : baseline.errorRate + thresholds.errorRateIncrease / 100;
  const latencyLimit = baseline.p95Ms === null ? null : baseline.p95Ms * (1 + thresholds.latencyDegradation);
  return (
    <div className="table-scroll">
      <table className="table measurements" aria-label="Latest measurements">
        <thead>
          <tr>
            <th scope="col">Measurement</th>
            <th scope="col">Now</th>
            <th scope="col">Before the deploy</th>
            <th scope="col">Limit</th>
            <th scope="col">Change (95% interval)</th>
            <th scope="col">Where it stands</th>
          </tr>
        </thead>
        <tbody>
          <tr data-measurement="error-rate">
            <th scope="row">Error rate</th>
            <td>{percentText(current.errorRate)}</td>
            <td>{percentText(baseline.errorRate)}</td>
            <td>
              {percentText(errorLimit)} <span className="muted">(baseline +{limitText(thresholds.errorRateIncrease)} pp)</span>
            </td>
            <td>{errorRateDiff ? `${ppText(errorRateDiff.estimate)} (${ppText(errorRateDiff.lower)} to ${ppText(errorRateDiff.upper)})` : '—'}</td>
            <td>
              <Position value={current.errorRate} limit={errorLimit} />
            </td>
          </tr>
          <tr data-measurement="p95-latency">
            <th scope="row">p95 latency</th>
            <td>{msText(current.p95Ms)}</td>
            <td>{msText(baseline.p95Ms)}</td>
            <td>
              {msText(latencyLimit)} <span className="muted">(baseline +{limitText(thresholds.latencyDegradation * 100)}%)</span>
            </td>
            <td>{latencyRatio ? `${ratioText(latencyRatio.estimate)} (${ratioText(latencyRatio.lower)} to ${ratioText(latencyRatio.upper)})` : '—'}</td>
            <td>
              <Position value={current.p95Ms} limit={latencyLimit} />
            </td>
          </tr>
          <tr>
            <th scope="row">Requests</th>
            <td>{current.requests}</td>
            <td>{baseline.requests}</td>
            <td colSpan={3} className="muted">
              an error rate above {limitText(thresholds.errorRateCeiling * 100)}% is an outage and rolls back at once
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
