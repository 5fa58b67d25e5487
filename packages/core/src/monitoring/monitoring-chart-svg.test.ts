import { describe, expect, it } from 'vitest';
import type { MonitorSample } from '../events.js';
import { monitoringChartSvg } from './monitoring-chart-svg.js';

const sample = (minute: number, errorRate: number, p95Ms: number, verdict: MonitorSample['verdict']): MonitorSample => ({
  at: `2026-11-26T10:0${minute}:00.000Z`,
  baseline: { errorRate: 0.004, p95Ms: 180, requests: 9000 },
  current: { errorRate, p95Ms, requests: 3000 * minute },
  thresholds: { errorRateIncrease: 1, latencyDegradation: 0.1, errorRateCeiling: 0.25 },
  verdict,
  windowEndsAt: '2026-11-26T10:05:00.000Z',
});

describe('monitoringChartSvg', () => {
  const samples = [sample(1, 0.005, 182, 'PASS'), sample(2, 0.03, 190, 'INCONCLUSIVE'), sample(3, 0.062, 240, 'FAIL')];

  it('draws one dot per measurement in each panel, coloured by verdict', () => {
    const svg = monitoringChartSvg(samples);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(6);
    expect(svg.match(/fill="#cf222e"/g)).toHaveLength(2);
    expect(svg).toContain('<title>2026-11-26T10:03:00.000Z: 6.2 % (FAIL)</title>');
  });

  it('shows the baseline and the allowed band of each panel', () => {
    const svg = monitoringChartSvg(samples);
    expect(svg).toContain('<title>baseline 0.4 %</title>');
    expect(svg).toContain('<title>allowed: up to 1.4 %</title>');
    expect(svg).toContain('<title>baseline 180 ms</title>');
    expect(svg).toContain('<title>allowed: up to 198 ms</title>');
  });

  it('escapes every piece of text it is given', () => {
    const svg = monitoringChartSvg(samples, { title: 'acme <prod> & "blue"' });
    expect(svg).toContain('acme &lt;prod&gt; &amp; &quot;blue&quot;');
    expect(svg).not.toContain('<prod>');
  });

  it('says so when there is nothing to draw', () => {
    expect(monitoringChartSvg([])).toContain('no measurements');
  });
});
