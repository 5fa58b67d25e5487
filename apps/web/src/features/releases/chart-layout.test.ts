import { describe, expect, it } from 'vitest';
import { chartWidth, labelRows, MARK_ROW_PX, markLabelBox, topPadding } from './chart-layout';
import type { ChartMarks } from './monitor-series';

const marks = (over: Partial<ChartMarks> = {}): ChartMarks => ({ undecidedUntil: null, breachAt: null, rollbackAt: null, rollbackTo: null, ...over });
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('the monitoring chart width', () => {
  it('is its box width in whole pixels, never wider, however narrow the box (a phone card)', () => {
    expect(chartWidth(612.7)).toBe(612);
    expect(chartWidth(300)).toBe(300);
    expect(chartWidth(212.4)).toBe(212); // no floor: a chart wider than its box pushes the page sideways
  });

  it('is 0 (not drawn yet) while the box has no width', () => {
    expect(chartWidth(0)).toBe(0);
    expect(chartWidth(-3)).toBe(0);
    expect(chartWidth(Number.NaN)).toBe(0);
  });
});

describe('the labels of the breach and rollback marks', () => {
  it("get one row each in a strip above the plot, the grey stretch's label nearest the plot", () => {
    expect(labelRows(marks())).toEqual({ breach: null, rollback: null, undecided: null, count: 0 });
    expect(labelRows(marks({ breachAt: 10 }))).toEqual({ breach: 0, rollback: null, undecided: null, count: 1 });
    expect(labelRows(marks({ rollbackAt: 15 }))).toEqual({ breach: null, rollback: 0, undecided: null, count: 1 });
    expect(labelRows(marks({ undecidedUntil: 5, breachAt: 10, rollbackAt: 15, rollbackTo: '1.5.0' }))).toEqual({ breach: 0, rollback: 1, undecided: 2, count: 3 });
    expect(topPadding(3)).toBeGreaterThanOrEqual(3 * MARK_ROW_PX);
    expect(topPadding(2)).toBeGreaterThan(topPadding(1));
    expect(topPadding(1)).toBeGreaterThan(topPadding(0));
  });

  it('end above the plot area, so they never cover the data (any device scale)', () => {
    for (const scale of [1, 2]) {
      const plotTop = topPadding(3) * scale; // no top axis: the plot starts where the padding ends
      for (const row of [0, 1, 2]) {
        const box = markLabelBox(200 * scale, 110 * scale, row, 400 * scale, scale);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.top + box.height).toBeLessThanOrEqual(plotTop);
      }
    }
  });

  it('never cover each other, even when the two lines are a few pixels apart', () => {
    const breach = markLabelBox(300, 44, 0, 400);
    const rollback = markLabelBox(306, 120, 1, 400);
    expect(overlaps(breach, rollback)).toBe(false);
  });

  it('sit right of the line where they fit, else left of it, always inside the chart', () => {
    const right = markLabelBox(100, 60, 0, 400);
    expect(right.left).toBeGreaterThan(100);
    const left = markLabelBox(380, 120, 0, 400);
    expect(left.left + left.width).toBeLessThan(380);
    // a label longer than the room on either side stays inside the chart
    const wide = markLabelBox(60, 150, 0, 200);
    expect(wide.left).toBeGreaterThanOrEqual(0);
    expect(wide.left + wide.width).toBeLessThanOrEqual(200);
    expect(wide.textX).toBeGreaterThan(wide.left);
  });
});
