// One uPlot chart: the current value against the baseline, with the allowed band (baseline up
// to the limit) shaded green, the early stretch with too little data to judge shaded grey with
// hollow points, and the breach and the rollback as vertical lines labelled above the plot.
// Loaded lazily (uPlot stays out of the initial JS); made at its box's measured width and
// resized with it (a ResizeObserver), never wider; reads its colours from the page's CSS
// variables (light and dark).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartWidth, labelRows, markLabelBox, MARK_ROW_PX, topPadding } from './chart-layout';
import { clockLabel, type ChartMarks, type ChartSeries } from './monitor-series';

interface Props {
  title: string;
  unit: string;
  data: ChartSeries;
  /** Start the y axis at zero (rates), rather than fitting it to the data. */
  isFromZero?: boolean;
}

const PLOT_HEIGHT = 190;
export const CHART_COLOURS = { now: '#2563eb', baseline: '#6b7280', limit: '#b45309', band: 'rgba(22, 163, 74, 0.16)', undecided: 'rgba(107, 114, 128, 0.14)' };
/** The whole chart's height: the plot, plus the strip for the marks' labels. */
const chartHeight = (d: ChartSeries) => PLOT_HEIGHT + topPadding(labelRows(d.marks).count) - topPadding(0);
const toAligned = (d: ChartSeries) => [d.times, d.current, d.undecided, d.baseline, d.threshold] as uPlot.AlignedData;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** A vertical line down the plot from its label, which sits in the strip above the plot on its own row. */
function markLine(u: uPlot, at: number, colour: string, background: string, label: string, row: number) {
  const { ctx, bbox } = u;
  const x = Math.round(u.valToPos(at, 'x', true));
  if (x < bbox.left || x > bbox.left + bbox.width) return;
  const px = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = `600 ${12 * px}px system-ui, sans-serif`;
  const box = markLabelBox(x, ctx.measureText(label).width, row, ctx.canvas.width, px);
  ctx.setLineDash([]);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * px;
  ctx.beginPath();
  ctx.moveTo(x, box.top);
  ctx.lineTo(x, bbox.top + bbox.height);
  ctx.stroke();
  ctx.fillStyle = background;
  ctx.fillRect(box.left, box.top, box.width, box.height);
  ctx.fillStyle = colour;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, box.textX, box.top + box.height / 2);
  ctx.restore();
}

/** The early stretch with too little data to judge: shaded grey, its label on its row just above it. */
function drawUndecided(u: uPlot, marks: ChartMarks, text: string) {
  const row = labelRows(marks).undecided;
  if (marks.undecidedUntil === null || row === null) return;
  const { ctx, bbox } = u;
  const px = window.devicePixelRatio || 1;
  const left = bbox.left;
  const right = Math.min(bbox.left + bbox.width, u.valToPos(marks.undecidedUntil, 'x', true));
  if (right <= left) return;
  const top = (2 + row * MARK_ROW_PX) * px;
  ctx.save();
  ctx.fillStyle = CHART_COLOURS.undecided;
  ctx.fillRect(left, bbox.top, right - left, bbox.height);
  ctx.fillRect(left, top, right - left, bbox.top - top);
  ctx.fillStyle = text;
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText('not enough data yet', left + 4 * px, top + ((MARK_ROW_PX - 2) * px) / 2);
  ctx.restore();
}

function drawMarks(u: uPlot, marks: ChartMarks, colours: { bad: string; warn: string; background: string }) {
  const rows = labelRows(marks);
  if (marks.breachAt !== null && rows.breach !== null) markLine(u, marks.breachAt, colours.bad, colours.background, 'breach', rows.breach);
  if (marks.rollbackAt !== null && rows.rollback !== null) {
    markLine(u, marks.rollbackAt, colours.warn, colours.background, `rolled back${marks.rollbackTo ? ` to ${marks.rollbackTo}` : ''}`, rows.rollback);
  }
}

export default function MonitorChart({ title, unit, data, isFromZero }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;
  const rows = labelRows(data.marks).count;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = cssVar('--text', '#1c1d21');
    const muted = cssVar('--muted', '#5d6170');
    const grid = cssVar('--line', '#d9dbe1');
    const background = cssVar('--panel', '#fff');
    const colours = { bad: cssVar('--bad', '#b42318'), warn: cssVar('--warn', '#9a5b00'), background };
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: Omit<uPlot.Options, 'width'> = {
      height: chartHeight(latest.current),
      // the marks' labels get a strip of their own above the plot, so they never cover the data
      padding: [() => topPadding(labelRows(latest.current.marks).count), null, null, null],
      scales: {
        x: { time: true, range: () => latest.current.window },
        y: {
          range: (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => {
            if (isFromZero) return [0, Math.max(max, 1) * 1.15];
            const pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.02, 1); // keep the baseline off the frame's edge
            return [min - pad, max + pad];
          },
        },
      },
      series: [
        { label: 'time' },
        { label: `now (${unit})`, stroke: CHART_COLOURS.now, width: 2, points: { show: true, size: 7, fill: CHART_COLOURS.now } },
        { label: `not enough data yet (${unit})`, stroke: muted, width: 0, paths: () => null, points: { show: true, size: 9, width: 2, fill: background, stroke: muted } },
        { label: `before the deploy (${unit})`, stroke: CHART_COLOURS.baseline, width: 2, dash: [6, 4], points: { show: false } },
        { label: `limit (${unit})`, stroke: CHART_COLOURS.limit, width: 2, dash: [2, 3], points: { show: false } },
      ],
      legend: { show: false },
      bands: [{ series: [4, 3], fill: CHART_COLOURS.band }],
      hooks: {
        drawAxes: [(u) => drawUndecided(u, latest.current.marks, muted)],
        draw: [(u) => drawMarks(u, latest.current.marks, colours)],
      },
      axes: [
        { ...axis, space: 80, values: (_u, splits) => splits.map(clockLabel) },
        { ...axis, label: unit, size: 56 },
      ],
    };
    // The chart takes its box's width, whatever it is once laid out (a card still settling, a
    // phone), and follows it; it is made on the first measurement, never at a guessed width.
    let chart: uPlot | null = null;
    const fit = (boxWidth: number) => {
      const width = chartWidth(boxWidth);
      if (width === 0) return;
      if (!chart) {
        chart = new uPlot({ ...opts, width }, toAligned(latest.current), el);
        plot.current = chart;
      } else if (chart.width !== width) {
        chart.setSize({ width, height: chart.height });
      }
    };
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) fit(entry.contentRect.width);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart?.destroy();
      plot.current = null;
    };
  }, [unit, isFromZero]);

  useEffect(() => {
    plot.current?.setData(toAligned(data));
  }, [data]);

  useEffect(() => {
    // a new mark's label row: the plot keeps its height, the strip above it grows
    const chart = plot.current;
    if (chart && chart.height !== chartHeight(latest.current)) chart.setSize({ width: chart.width, height: chartHeight(latest.current) });
  }, [rows]);

  const last = data.latest;
  const { breachAt, rollbackAt, rollbackTo } = data.marks;
  const label = [
    `${title} chart: ${data.evaluations} ${data.evaluations === 1 ? 'evaluation' : 'evaluations'}${last == null ? '' : `, latest ${last.toFixed(1)} ${unit}`}`,
    breachAt !== null && `breach marked at ${clockLabel(breachAt)}`,
    rollbackAt !== null && `rollback${rollbackTo ? ` to ${rollbackTo}` : ''} marked at ${clockLabel(rollbackAt)}`,
  ].filter(Boolean);
  return (
    <figure className="chart-figure">
      <figcaption className="chart-title">
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <div ref={box} className="chart" role="img" aria-label={label.join('; ')} />
    </figure>
  );
}
