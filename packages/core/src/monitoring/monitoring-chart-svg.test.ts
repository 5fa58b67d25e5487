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
    expect(svg.match(/<circle [^>]*fill="#cf222e"/g)).toHaveLength(2);
    expect(svg).toContain('<title>2026-11-26T10:03:00.000Z: 6.2 % (FAIL)</title>');
  });

  it('shows the baseline and the allowed band of each panel', () => {
    const svg = monitoringChartSvg(samples);
    expect(svg).toContain('<title>baseline 0.4 %</title>');
    expect(svg).toContain('<title>allowed: up to 1.4 %</title>');
    expect(svg).toContain('<title>baseline 180 ms</title>');
    expect(svg).toContain('<title>allowed: up to 198 ms</title>');
  });

  it('draws a run that ended on a breach over the time it ran, with the breach marked', () => {
    const svg = monitoringChartSvg(samples);
    // 10:01 to 10:03 and one interval of room: not squeezed into the left of a window to 10:05
    expect(svg).toContain('10:04:00 UTC (stopped at the breach)');
    expect(svg).not.toContain('window ends');
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...dots)).toBeGreaterThan(640 * 0.6); // at 10:03 of 10:01–10:05 it sat at half the width;
    // one line per panel at the first evaluation of the final breach, labelled above the plot
    expect(svg.match(/<line [^>]*stroke="#cf222e" stroke-width="1.5"><title>breach at 10:03:00 UTC<\/title>/g)).toHaveLength(2);
    expect(svg.match(/font-weight="bold">breach at 10:03:00 UTC<\/text>/g)).toHaveLength(2);
  });

  it('marks the start of the final run of breaching evaluations, not an earlier one that recovered', () => {
    const svg = monitoringChartSvg([sample(1, 0.06, 182, 'FAIL'), sample(2, 0.004, 180, 'PASS'), sample(3, 0.07, 240, 'FAIL'), sample(4, 0.08, 250, 'FAIL')]);
    expect(svg).toContain('<title>breach at 10:03:00 UTC</title>');
    expect(svg).not.toContain('breach at 10:01:00');
  });

  it('keeps the whole window when monitoring did not end on a breach', () => {
    const svg = monitoringChartSvg([sample(1, 0.005, 182, 'PASS'), sample(2, 0.004, 181, 'PASS')]);
    expect(svg).toContain('10:05:00 UTC (window ends)');
    expect(svg).not.toContain('breach');
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
