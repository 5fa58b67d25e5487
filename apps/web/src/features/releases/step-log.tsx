// The log of one step, on request (a disclosure that the release page opens while a step runs
// and closes while monitoring is what matters). Long lines wrap; virtualized with measured rows
// (50,000 lines stay smooth); follows the tail until the reader scrolls up. An empty log is one
// line of text, never an empty box.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { LogLine } from '../../api/release-feed';

const ROW = 20;

interface Props {
  step: string;
  lines: LogLine[];
  isOpen: boolean;
  onToggle: (isOpen: boolean) => void;
}

export function StepLog({ step, lines, isOpen, onToggle }: Props) {
  const count = lines.length === 1 ? '1 line' : `${lines.length} lines`;
  return (
    <details className="log-panel" open={isOpen} onToggle={(e) => e.currentTarget.open !== isOpen && onToggle(e.currentTarget.open)}>
      <summary className="log-summary">
        <h2 id="log-heading">Log: {step}</h2> <span className="muted">{lines.length === 0 ? 'no output yet' : count}</span>
      </summary>
      {isOpen && (lines.length === 0 ? <p className="log-empty muted">No output yet.</p> : <LogLines step={step} lines={lines} />)}
    </details>
  );
}

function LogLines({ step, lines }: { step: string; lines: LogLine[] }) {
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
    <>
      <label className="follow">
        <input type="checkbox" checked={isFollowing} onChange={(e) => setFollowing(e.target.checked)} /> Follow tail
      </label>
      <div ref={scroller} className="log" tabIndex={0} role="log" aria-label={`Log of ${step}`} onScroll={onScroll}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const line = lines[row.index];
            if (!line) return null;
            return (
              <div
                key={line.seq}
                ref={virtualizer.measureElement}
                data-index={row.index}
                className={`log-line log-${line.stream}`}
                data-seq={line.seq}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}
              >
                {line.line}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
