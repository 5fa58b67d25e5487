// A small self-contained SVG for the ship report: error rate and p95 over the window, each
// against its baseline (dashed) and the allowed band above it (shaded); dots coloured by verdict.
// A run that ended on a breach is drawn over the time it ran (not squeezed into the left of
// an empty window), with the breach marked by a labelled line above the data.
import type { MonitorSample, MonitorVerdictValue } from '../events.js';

export interface MonitoringChartOptions {
  width?: number;
  title?: string;
}

interface Panel {
  label: string;
  unit: string;
  values: Array<number | null>;
  baseline: number | null;
  limit: number | null;
  ceiling?: number;
}

const PANEL_HEIGHT = 120;
const MARGIN = { left: 56, right: 16, top: 28, gap: 36 };
const COLOURS: Record<MonitorVerdictValue, string> = {
  PASS: '#1a7f37',
  FAIL: '#cf222e',
  INCONCLUSIVE: '#bf8700',
  NO_DATA: '#8c959f',
  ERROR: '#8250df',
};

export function monitoringChartSvg(samples: readonly MonitorSample[], options: MonitoringChartOptions = {}): string {
  const width = options.width ?? 640;
  const height = MARGIN.top + 2 * (PANEL_HEIGHT + MARGIN.gap);
  const first = samples[0];
  const title = options.title ?? 'Production after the deploy';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<text x="${MARGIN.left}" y="16" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  if (!first) return [...parts, `<text x="${MARGIN.left}" y="60">no measurements</text>`, '</svg>'].join('\n');

  const startMs = Date.parse(first.at);
  const lastMs = Date.parse(samples.at(-1)!.at);
  const breach = breachOf(samples);
  // a breach ends monitoring early: fit the axis to what ran, plus an interval of room
  const interval = samples.length > 1 ? (lastMs - startMs) / (samples.length - 1) : 5_000;
  const endMs = breach ? Math.max(lastMs + interval, startMs + 1) : Math.max(lastMs, Date.parse(first.windowEndsAt), startMs + 1);
  const x = (at: string) => MARGIN.left + ((Date.parse(at) - startMs) / (endMs - startMs)) * (width - MARGIN.left - MARGIN.right);
  const { thresholds, baseline } = first;
  const panels: Panel[] = [
    {
      label: 'error rate',
      unit: '%',
      values: samples.map((s) => (s.current.errorRate === null ? null : s.current.errorRate * 100)),
      baseline: baseline.errorRate === null ? null : baseline.errorRate * 100,
      limit: baseline.errorRate === null ? null : baseline.errorRate * 100 + thresholds.errorRateIncrease,
      ceiling: thresholds.errorRateCeiling * 100,
    },
    {
      label: 'p95 latency',
      unit: 'ms',
      values: samples.map((s) => s.current.p95Ms),
      baseline: baseline.p95Ms,
      limit: baseline.p95Ms === null ? null : baseline.p95Ms * (1 + thresholds.latencyDegradation),
    },
  ];
  panels.forEach((panel, index) => {
    const top = MARGIN.top + index * (PANEL_HEIGHT + MARGIN.gap) + 12;
    parts.push(...drawPanel(panel, samples, x, top, width));
    if (breach) parts.push(...drawBreach(breach, x(breach.at), top, width));
  });
  const axisY = height - 8;
  parts.push(
    `<text x="${MARGIN.left}" y="${axisY}">${escapeXml(clockTime(startMs))}</text>`,
    `<text x="${width - MARGIN.right}" y="${axisY}" text-anchor="end">${escapeXml(breach ? `${clockTime(endMs)} (stopped at the breach)` : `${clockTime(endMs)} (window ends)`)}</text>`,
  );
  return [...parts, '</svg>'].join('\n');
}

function drawPanel(panel: Panel, samples: readonly MonitorSample[], x: (at: string) => number, top: number, width: number): string[] {
  const known = panel.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const visibleCeiling = panel.ceiling !== undefined && known.some((v) => v > panel.ceiling! / 2) ? panel.ceiling : 0; // only near an outage, so it does not flatten the curve
  const max = niceMax(Math.max(...known, panel.limit ?? 0, visibleCeiling, 1e-9) * 1.1);
  const y = (value: number) => top + PANEL_HEIGHT - (Math.min(value, max) / max) * PANEL_HEIGHT;
  const right = width - MARGIN.right;
  const out = [
    `<text x="${MARGIN.left}" y="${top - 4}" font-weight="bold">${escapeXml(`${panel.label} (${panel.unit})`)}</text>`,
    `<rect x="${MARGIN.left}" y="${top}" width="${right - MARGIN.left}" height="${PANEL_HEIGHT}" fill="none" stroke="#d0d7de"/>`,
    `<text x="${MARGIN.left - 4}" y="${top + 4}" text-anchor="end">${escapeXml(format(max))}</text>`,
    `<text x="${MARGIN.left - 4}" y="${top + PANEL_HEIGHT}" text-anchor="end">0</text>`,
  ];
  if (panel.baseline !== null && panel.limit !== null) {
    out.push(
      `<rect x="${MARGIN.left}" y="${y(panel.limit).toFixed(1)}" width="${right - MARGIN.left}" height="${(y(panel.baseline) - y(panel.limit)).toFixed(1)}" fill="#1a7f37" fill-opacity="0.12"><title>${escapeXml(`allowed: up to ${format(panel.limit)} ${panel.unit}`)}</title></rect>`,
      `<line x1="${MARGIN.left}" x2="${right}" y1="${y(panel.baseline).toFixed(1)}" y2="${y(panel.baseline).toFixed(1)}" stroke="#57606a" stroke-dasharray="4 3"><title>${escapeXml(`baseline ${format(panel.baseline)} ${panel.unit}`)}</title></line>`,
    );
  }
  if (visibleCeiling > 0) {
    out.push(`<line x1="${MARGIN.left}" x2="${right}" y1="${y(visibleCeiling).toFixed(1)}" y2="${y(visibleCeiling).toFixed(1)}" stroke="#cf222e" stroke-dasharray="2 2"><title>${escapeXml(`ceiling ${format(visibleCeiling)} ${panel.unit}`)}</title></line>`);
  }
  const points = samples.flatMap((sample, i) => {
    const value = panel.values[i];
    return value === null || value === undefined || !Number.isFinite(value) ? [] : [{ sample, px: x(sample.at), py: y(value), value }];
  });
  if (points.length > 1) {
    out.push(`<polyline fill="none" stroke="#0969da" stroke-width="1.5" points="${points.map((p) => `${p.px.toFixed(1)},${p.py.toFixed(1)}`).join(' ')}"/>`);
  }
  for (const p of points) {
    out.push(`<circle cx="${p.px.toFixed(1)}" cy="${p.py.toFixed(1)}" r="3" fill="${COLOURS[p.sample.verdict]}"><title>${escapeXml(`${p.sample.at}: ${format(p.value)} ${panel.unit} (${p.sample.verdict})`)}</title></circle>`);
  }
  return out;
}

/** The breach that ended monitoring: the first of the evaluations over a limit that ended the run. */
function breachOf(samples: readonly MonitorSample[]): MonitorSample | null {
  let breach: MonitorSample | null = null;
  for (let i = samples.length - 1; i >= 0 && samples[i]!.verdict === 'FAIL'; i--) breach = samples[i]!;
  return breach;
}

/** A red line down the panel; its label sits in the panel's header row, right of the panel's name, never on the data. */
function drawBreach(breach: MonitorSample, lineX: number, top: number, width: number): string[] {
  const label = `breach at ${clockTime(Date.parse(breach.at))}`;
  const right = Math.max(lineX + 3, MARGIN.left + 110);
  const fitsRight = right + label.length * 7 <= width - MARGIN.right; // ~7 px a bold character at 11 px
  const anchor = fitsRight ? `x="${right.toFixed(1)}"` : `x="${(lineX - 3).toFixed(1)}" text-anchor="end"`;
  return [
    `<line x1="${lineX.toFixed(1)}" x2="${lineX.toFixed(1)}" y1="${top}" y2="${top + PANEL_HEIGHT}" stroke="${COLOURS.FAIL}" stroke-width="1.5"><title>${escapeXml(label)}</title></line>`,
    `<text ${anchor} y="${top - 4}" fill="${COLOURS.FAIL}" font-weight="bold">${escapeXml(label)}</text>`,
  ];
}

function clockTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

function niceMax(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

function format(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 100) / 100);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
