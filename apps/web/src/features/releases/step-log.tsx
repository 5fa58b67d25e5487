// The log of one step, virtualized (50,000 lines stay smooth), following the tail until
// the reader scrolls up; fixed row height so streaming never shifts the layout.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { LogLine } from '../../api/release-feed';

const ROW = 20;

export function StepLog({ step, lines }: { step: string; lines: LogLine[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [isFollowing, setFollowing] = useState(true);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });

  useEffect(() => {
    if (isFollowing && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: 'end' });
  }, [lines.length, isFollowing, virtualizer]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW * 2;
    if (atBottom !== isFollowing) setFollowing(atBottom);
  };

  return (
    <section className="log-panel" aria-labelledby="log-heading">
      <div className="log-header">
        <h2 id="log-heading">Log: {step}</h2>
        <span className="muted">{lines.length === 1 ? '1 line' : `${lines.length} lines`}</span>
        <label className="follow">
          <input type="checkbox" checked={isFollowing} onChange={(e) => setFollowing(e.target.checked)} /> Follow tail
        </label>
      </div>
      <div ref={scroller} className="log" tabIndex={0} role="log" aria-label={`Log of ${step}`} onScroll={onScroll}>
        {lines.length === 0 && <p className="log-empty">No output yet.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const line = lines[row.index];
            if (!line) return null;
            return (
              <div key={line.seq} className={`log-line log-${line.stream}`} data-seq={line.seq} style={{ position: 'absolute', top: 0, transform: `translateY(${row.start}px)`, height: ROW }}>
                {line.line}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
