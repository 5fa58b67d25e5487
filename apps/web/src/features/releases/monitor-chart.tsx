// One uPlot chart: current vs baseline, with the band between baseline and threshold.
// Loaded lazily (uPlot stays out of the initial JS).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  times: number[];
  current: (number | null)[];
  baseline: (number | null)[];
  threshold: (number | null)[];
}

export default function MonitorChart({ title, unit, data }: { title: string; unit: string; data: ChartSeries }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const opts: uPlot.Options = {
      title,
      width: Math.max(280, box.current.clientWidth),
      height: 200,
      series: [
        {},
        { label: `current (${unit})`, stroke: '#2563eb', width: 2 },
        { label: `baseline (${unit})`, stroke: '#6b7280', dash: [4, 4] },
        { label: `threshold (${unit})`, stroke: '#dc2626', dash: [8, 4] },
      ],
      bands: [{ series: [3, 2], fill: 'rgba(220, 38, 38, 0.08)' }],
      axes: [{}, { label: unit }],
    };
    plot.current = new uPlot(opts, [[], [], [], []], box.current);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
  }, [title, unit]);

  useEffect(() => {
    plot.current?.setData([data.times, data.current, data.baseline, data.threshold] as uPlot.AlignedData);
  }, [data]);

  return <div ref={box} className="chart" />;
}
