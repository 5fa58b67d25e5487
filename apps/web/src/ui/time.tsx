// One instant on screen: <time> in the viewer's format (or "3 min ago" when `isRelative` and
// recent), with the exact instant on hover. TextWithTimes does the same for the ISO instants
// inside engine sentences (gate details, step details, verdicts).
import { Fragment } from 'react';
import { exactText, instantText, ISO_INSTANT, relativeText } from './instant';

export function Time({ iso, isRelative = false, now }: { iso: string | null | undefined; isRelative?: boolean; now?: number }) {
  if (!iso) return <span className="muted">—</span>;
  const recent = isRelative ? relativeText(iso, now ?? Date.now()) : null;
  return (
    <time dateTime={iso} title={exactText(iso)}>
      {recent ?? instantText(iso)}
    </time>
  );
}

export function TextWithTimes({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${ISO_INSTANT.source})`));
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <Time key={i} iso={part} /> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
