// One uPlot chart: the current value against the baseline, with the allowed band (baseline up
// to the limit) shaded green, the early stretch with too little data to judge shaded grey with
// hollow points, and the breach and the rollback as labelled vertical lines. Loaded lazily
// (uPlot stays out of the initial JS); follows its box's width, and reads its colours from the
// page's CSS variables (light and dark).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { clockLabel, type ChartMarks, type ChartSeries } from './monitor-series';

interface Props {
  title: string;
  unit: string;
  data: ChartSeries;
  /** Start the y axis at zero (rates), rather than fitting it to the data. */
  isFromZero?: boolean;
}

const HEIGHT = 190;
export const CHART_COLOURS = { now: '#2563eb', baseline: '#6b7280', limit: '#b45309', band: 'rgba(22, 163, 74, 0.16)', undecided: 'rgba(107, 114, 128, 0.14)' };
const toAligned = (d: ChartSeries) => [d.times, d.current, d.undecided, d.baseline, d.threshold] as uPlot.AlignedData;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** A vertical line across the plot with its label at the top: right of the line where it fits, else left. */
function markLine(u: uPlot, at: number, colour: string, label: string, row: number) {
  const { ctx, bbox } = u;
  const x = Math.round(u.valToPos(at, 'x', true));
  const px = window.devicePixelRatio || 1;
  ctx.save();
  ctx.setLineDash([]);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2 * px;
  ctx.beginPath();
  ctx.moveTo(x, bbox.top);
  ctx.lineTo(x, bbox.top + bbox.height);
  ctx.stroke();
  ctx.fillStyle = colour;
  ctx.font = `600 ${12 * px}px system-ui, sans-serif`;
  const align = x + 6 * px + ctx.measureText(label).width <= bbox.left + bbox.width ? 'left' : 'right';
  ctx.textAlign = align;
  ctx.textBaseline = 'top';
  ctx.fillText(label, align === 'left' ? x + 4 * px : x - 4 * px, bbox.top + (2 + row * 16) * px);
  ctx.restore();
}

function drawUndecided(u: uPlot, marks: ChartMarks, text: string) {
  if (marks.undecidedUntil === null) return;
  const { ctx, bbox } = u;
  const px = window.devicePixelRatio || 1;
  const left = bbox.left;
  const right = Math.min(bbox.left + bbox.width, u.valToPos(marks.undecidedUntil, 'x', true));
  if (right <= left) return;
  ctx.save();
  ctx.fillStyle = CHART_COLOURS.undecided;
  ctx.fillRect(left, bbox.top, right - left, bbox.height);
  ctx.fillStyle = text;
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText('not enough data yet', left + 4 * px, bbox.top + 4 * px);
  ctx.restore();
}

function drawMarks(u: uPlot, marks: ChartMarks, bad: string, warn: string) {  // the breach label on the first row, the rollback's on the second: they never overlap
  if (marks.breachAt !== null) markLine(u, marks.breachAt, bad, 'breach', 0);
  if (marks.rollbackAt !== null) markLine(u, marks.rollbackAt, warn, `rolled back${marks.rollbackTo ? ` to ${marks.rollbackTo}` : ''}`, 1);
}

export default function MonitorChart({ title, unit, data, isFromZero }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = cssVar('--text', '#1c1d21');
    const muted = cssVar('--muted', '#5d6170');
    const grid = cssVar('--line', '#d9dbe1');
    const bad = cssVar('--bad', '#b42318');
    const warn = cssVar('--warn', '#9a5b00');
    const bg = cssVar('--panel', '#fff');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: uPlot.Options = {
      width: Math.max(260, el.clientWidth),
      height: HEIGHT,
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
        { label: `not enough data yet (${unit})`, stroke: muted, width: 0, paths: () => null, points: { show: true, size: 9, width: 2, fill: bg, stroke: muted } },
        { label: `before the deploy (${unit})`, stroke: CHART_COLOURS.baseline, width: 2, dash: [6, 4], points: { show: false } },
        { label: `limit (${unit})`, stroke: CHART_COLOURS.limit, width: 2, dash: [2, 3], points: { show: false } },
      ],
      legend: { show: false },
      bands: [{ series: [4, 3], fill: CHART_COLOURS.band }],
      hooks: {
        drawAxes: [(u) => drawUndecided(u, latest.current.marks, muted)],
        draw: [(u) => drawMarks(u, latest.current.marks, bad, warn)],
      },
      axes: [
        { ...axis, space: 80, values: (_u, splits) => splits.map(clockLabel) },
        { ...axis, label: unit, size: 56 },
      ],
    };
    const chart = new uPlot(opts, toAligned(latest.current), el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(260, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [unit, isFromZero]);

  useEffect(() => {
    plot.current?.setData(toAligned(data));
  }, [data]);

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
