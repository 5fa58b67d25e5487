// One uPlot chart: the current value against the baseline, with the band between the baseline
// and the threshold shaded. Loaded lazily (uPlot stays out of the initial JS); follows its
// box's width, and reads its colours from the page's CSS variables (light and dark).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { clockLabel, type ChartSeries } from './monitor-series';

interface Props {
  title: string;
  unit: string;
  data: ChartSeries;
  /** Start the y axis at zero (rates), rather than fitting it to the data. */
  isFromZero?: boolean;
}

const HEIGHT = 220;
const toAligned = (d: ChartSeries) => [d.times, d.current, d.baseline, d.threshold] as uPlot.AlignedData;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
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
    const grid = cssVar('--line', '#d9dbe1');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: uPlot.Options = {
      title,
      width: Math.max(280, el.clientWidth),
      height: HEIGHT,
      scales: {
        // the x axis is the watch window, so one sample sits inside it with its baseline and band
        x: { time: true, range: () => latest.current.window },
        y: {
          range: (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => {
            if (isFromZero) return [0, Math.max(max, 1) * 1.1];
            const pad = Math.max((max - min) * 0.15, Math.abs(max) * 0.02, 1); // keep the baseline off the frame's edge
            return [min - pad, max + pad];
          },
        },
      },
      series: [
        { label: 'time' },
        { label: `now (${unit})`, stroke: '#2563eb', width: 2, points: { show: true, size: 6, fill: '#2563eb' } },
        { label: `baseline (${unit})`, stroke: '#6b7280', width: 2, dash: [6, 4], points: { show: false } },
        { label: `threshold (${unit})`, stroke: '#dc2626', width: 2, dash: [2, 3], points: { show: false } },
      ],
      legend: { live: false },
      bands: [{ series: [3, 2], fill: 'rgba(220, 38, 38, 0.12)' }],
      axes: [
        { ...axis, space: 80, values: (_u, splits) => splits.map(clockLabel) },
        { ...axis, label: unit, size: 60 },
      ],
    };
    const chart = new uPlot(opts, toAligned(latest.current), el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [title, unit, isFromZero]);

  useEffect(() => {
    plot.current?.setData(toAligned(data));
  }, [data]);

  const last = data.latest;
  return (
    <figure className="chart-figure">
      <div ref={box} className="chart" role="img" aria-label={`${title} chart: ${data.evaluations} ${data.evaluations === 1 ? 'evaluation' : 'evaluations'}${last == null ? '' : `, latest ${last.toFixed(1)} ${unit}`}`} />
    </figure>
  );
}
