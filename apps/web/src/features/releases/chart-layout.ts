// The monitoring chart's geometry, pure so it is tested without a canvas: its width comes from
// its box (never wider), and the labels of its marks (breach, rollback) go in a strip reserved
// above the plot area, one row per mark, so a label never covers the data nor another label (the grey "not enough data yet"
// stretch's too).
import type { ChartMarks } from './monitor-series';

/** The chart's width for its box's content width: whole pixels, never wider than the box (0: not laid out yet). */
export const chartWidth = (boxWidth: number): number => (Number.isFinite(boxWidth) && boxWidth > 0 ? Math.floor(boxWidth) : 0);

/** One label row's height in CSS px. */
export const MARK_ROW_PX = 16;
/** The top padding of a chart without marks, in CSS px (room for the top y tick label). */
const PLAIN_TOP_PX = 10;
const GAP_PX = 4;
const PAD_X_PX = 3;

export interface LabelRows {
  breach: number | null;
  rollback: number | null;
  /** The "not enough data yet" label, on the row nearest the plot, above its grey stretch. */
  undecided: number | null;
  count: number;
}

/** The strip's rows, top down: the breach's label, the rollback's, then the grey stretch's. */
export function labelRows(marks: ChartMarks): LabelRows {
  let count = 0;
  const next = (isShown: boolean) => (isShown ? count++ : null);
  const breach = next(marks.breachAt !== null);
  const rollback = next(marks.rollbackAt !== null);
  const undecided = next(marks.undecidedUntil !== null);
  return { breach, rollback, undecided, count };
}

/** The chart's top padding in CSS px: the label strip when there are marks. */
export const topPadding = (rows: number): number => (rows === 0 ? PLAIN_TOP_PX : rows * MARK_ROW_PX + GAP_PX);

export interface LabelBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Where the text starts (left-aligned inside the box). */
  textX: number;
}

/**
 * A mark's label box in canvas pixels: on its row of the strip, right of the line where it
 * fits inside the chart, else left of it, and never past either edge of the chart.
 */
export function markLabelBox(lineX: number, textWidth: number, row: number, chartWidth: number, scale = 1): LabelBox {
  const width = textWidth + 2 * PAD_X_PX * scale;
  const gap = GAP_PX * scale;
  let left = lineX + gap;
  if (left + width > chartWidth) left = lineX - gap - width;
  left = Math.max(0, Math.min(left, chartWidth - width));
  return { left, top: (2 + row * MARK_ROW_PX) * scale, width, height: (MARK_ROW_PX - 2) * scale, textX: left + PAD_X_PX * scale };
}
