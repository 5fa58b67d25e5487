// The key under the monitoring charts: one swatch per line or band, and the marks (breach,
// rollback) with their times, so what the canvas shows can also be read.
import type { ChartMarks } from './monitor-series';
import { clockLabel } from './monitor-series';

export function ChartKey({ marks }: { marks: ChartMarks }) {
  return (
    <ul className="chart-key" aria-label="Chart key">
      <li>
        <span className="swatch swatch-now" aria-hidden="true" /> now
      </li>
      <li>
        <span className="swatch swatch-baseline" aria-hidden="true" /> before the deploy
      </li>
      <li>
        <span className="swatch swatch-band" aria-hidden="true" /> allowed, up to the <span className="swatch swatch-limit" aria-hidden="true" /> limit
      </li>
      {marks.undecidedUntil !== null && (
        <li>
          <span className="swatch swatch-undecided" aria-hidden="true" /> not enough data yet to judge
        </li>
      )}
      {marks.breachAt !== null && (
        <li data-mark="breach">
          <span className="swatch swatch-breach" aria-hidden="true" /> breach at {clockLabel(marks.breachAt)}
        </li>
      )}
      {marks.rollbackAt !== null && (
        <li data-mark="rollback">
          <span className="swatch swatch-rollback" aria-hidden="true" /> rolled back{marks.rollbackTo ? ` to ${marks.rollbackTo}` : ''} at {clockLabel(marks.rollbackAt)}
        </li>
      )}
    </ul>
  );
}
