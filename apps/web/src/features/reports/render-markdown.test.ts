import { describe, expect, it } from 'vitest';
import { markdownToHtml, SVG_DATA_URI_PREFIX, svgBlocksToImages } from './render-markdown';

const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img">\n<title>Production after the deploy</title>\n<circle cx="5" cy="5" r="3"/>\n</svg>';

function imageSources(html: string): string[] {
  return [...html.matchAll(/<img [^>]*src="([^"]*)"/g)].map((m) => m[1]!);
}

const decode = (uri: string) => new TextDecoder().decode(Uint8Array.from(atob(uri.slice(SVG_DATA_URI_PREFIX.length)), (c) => c.charCodeAt(0)));

describe('markdownToHtml', () => {
  it('renders an inline svg chart as an img with a data URI, not as text', () => {
    const html = markdownToHtml(`## Monitoring\n\n${chart}\n\n## Verdict\n\nPASS`);
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
    const src = imageSources(markdownToHtml(svg))[0]!;
    expect(decode(src)).toBe(svg);
  });

  it('turns <svg onload=…> into an image only: no svg element, no handler attribute in the page', () => {
    const html = markdownToHtml('<svg onload="alert(1)"><script>alert(2)</script></svg>');
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

  it('leaves a source without svg unchanged', () => {
    expect(svgBlocksToImages('plain *text*')).toBe('plain *text*');
  });
});
