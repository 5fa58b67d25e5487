import { describe, expect, it } from 'vitest';
import { markdownToHtml, SVG_DATA_URI_PREFIX, svgBlocksToImages } from './render-markdown';

const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img">\n<title>Production after the deploy</title>\n<circle cx="5" cy="5" r="3"/>\n</svg>';

function imageSources(html: string): string[] {
  return [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);
}

const decode = (uri: string) => new TextDecoder().decode(Uint8Array.from(atob(uri.slice(SVG_DATA_URI_PREFIX.length)), (c) => c.charCodeAt(0)));

describe('markdownToHtml', () => {
  it('renders an inline svg chart as an img with a data URI, not as text', () => {
    const html = markdownToHtml(`## Monitoring\n\n${chart}\n\n## Verdict\n\nPASS`, { chart: true });
    const [src, ...rest] = imageSources(html);
    expect(rest).toEqual([]);
    expect(src?.startsWith(SVG_DATA_URI_PREFIX)).toBe(true);
    expect(decode(src!)).toBe(chart);
    expect(html).toContain('alt="Monitoring chart"');
    expect(html).not.toContain('&lt;svg');
    expect(html).not.toMatch(/<svg/i);
    expect(html).toContain('<h2>Verdict</h2>');
  });

  it('keeps non-ASCII text in the chart intact', () => {
    const svg = '<svg><text>≥ 1.5 % — ok</text></svg>';
    const src = imageSources(markdownToHtml(`## Monitoring\n\n${svg}`, { chart: true }))[0]!;
    expect(decode(src)).toBe(svg);
  });

  it('turns <svg onload=…> into an image only: no svg element, no handler attribute in the page', () => {
    const html = markdownToHtml('## Monitoring\n\n<svg onload="alert(1)"><script>alert(2)</script></svg>', { chart: true });
    expect(html).not.toMatch(/<svg|<script|onload=/i);
    expect(imageSources(html)).toHaveLength(1);
  });

  it('still shows other raw HTML as text', () => {
    const html = markdownToHtml('- fix <img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n<div onclick="x()">hi</div>');
    expect(html).not.toMatch(/<img|<script|<div/i);
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;div onclick=');
  });

  it('an <svg> in a CHANGELOG is text, never an image captioned "Monitoring chart" — on the project page and inside a report', () => {
    const changelog = '## [2.7.0]\n\n- new logo <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>\n\n<svg><circle/></svg>\n';
    const excerpt = markdownToHtml(changelog);
    expect(imageSources(excerpt)).toEqual([]);
    expect(excerpt).toContain('&lt;svg');
    expect(excerpt).not.toContain('Monitoring chart');
    // a report quotes the CHANGELOG (even one that fakes a Monitoring heading) before its own Monitoring section
    const report = `# Ship report\n\n### CHANGELOG\n\n## Monitoring\n\n<svg><circle/></svg>\n\n${changelog}\n## Rollback Procedure\n\nx\n\n## Monitoring\n\nAutomatic monitoring is off.\n\n## Warnings\n\n- <svg><rect/></svg>\n`;
    const html = markdownToHtml(report, { chart: true });
    expect(imageSources(html)).toEqual([]);
    expect(html).not.toContain('Monitoring chart');
    // with the engine's chart, only that one becomes a picture
    const withChart = report.replace('Automatic monitoring is off.', `Plan: …\n\n${chart}`);
    const sources = imageSources(markdownToHtml(withChart, { chart: true }));
    expect(sources).toHaveLength(1);
    expect(decode(sources[0]!)).toBe(chart);
  });

  it('a Markdown image on another host is a link, not an <img> (never fetched); data: pictures stay', () => {
    const html = markdownToHtml('![tracker](https://attacker.example/pixel.png) ![x](//attacker.example/a.gif) ![rel](logo.png)\n\n![ok](data:image/png;base64,iVBORw0KGgo=)');
    expect(imageSources(html)).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
    expect(html).toContain('<a href="https://attacker.example/pixel.png" rel="noopener noreferrer">image: tracker</a>');
  });

  it('leaves a source without svg unchanged', () => {
    expect(svgBlocksToImages('plain *text*')).toBe('plain *text*');
  });

  it('shows a report’s chart file from the server’s copy; any other relative image stays a link', () => {
    const source = '![Monitoring chart: error rate](production-ship-report-monitoring.svg)\n\n![logo](logo.svg)';
    const html = markdownToHtml(source, { chart: true, chartUrl: '/api/releases/rel_1/report/monitoring.svg' });
    expect(imageSources(html)).toEqual(['/api/releases/rel_1/report/monitoring.svg']);
    expect(html).toContain('alt="Monitoring chart: error rate"');
    expect(html).toContain('image: logo');
    // without the server's copy (or with anything but that fixed path) nothing is fetched
    expect(imageSources(markdownToHtml(source, { chart: true }))).toEqual([]);
    expect(imageSources(markdownToHtml(source, { chart: true, chartUrl: 'https://attacker.example/x.svg' }))).toEqual([]);
  });
});
