// Markdown → safe HTML. Raw HTML in the source is escaped (shown as text, like any other
// character), then DOMPurify sanitizes the result as a second line of defence.
// The one exception, in a ship report only: the engine's monitoring chart — the `<svg>…</svg>`
// block at the end of the report's LAST `## Monitoring` section — becomes an <img> with a data:
// URI (an SVG loaded as an image never runs script). Any other svg (one in a CHANGELOG entry,
// which the report quotes too) is raw HTML and shows as text. Images are shown only from data:
// URIs, and the one same-origin chart: a report made since issue 13 links its chart as a file
// beside itself (`…-monitoring.svg`, as in the repo); given `chartUrl` (the server's copy, a fixed
// /api path) that image shows from there. Any other Markdown image becomes a plain link and is
// never fetched (the server's CSP img-src says the same).
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const SVG_DATA_URI_PREFIX = 'data:image/svg+xml;base64,';
const SVG_BLOCK = /<svg\b[\s\S]*?<\/svg\s*>/gi;

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Replaces the engine's chart — the last svg block of the last `## Monitoring` section — with a Markdown image of it. */
export function svgBlocksToImages(source: string): string {
  const heading = source.lastIndexOf('\n## Monitoring\n');
  const start = heading === -1 ? (source.startsWith('## Monitoring\n') ? 0 : -1) : heading + 1;
  if (start === -1) return source;
  const next = source.indexOf('\n## ', start + 1);
  const end = next === -1 ? source.length : next;
  const blocks = [...source.slice(start, end).matchAll(SVG_BLOCK)];
  const last = blocks.at(-1);
  if (!last || last.index === undefined) return source;
  const at = start + last.index;
  const svg = last[0];
  return `${source.slice(0, at)}\n\n![Monitoring chart](${SVG_DATA_URI_PREFIX}${toBase64(svg)})\n\n${source.slice(at + svg.length)}`;
}

const isDataImage = (href: string) => /^data:image\/(svg\+xml|png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$/.test(href);
const CHART_URL = /^\/api\/releases\/[A-Za-z0-9_-]+\/report\/monitoring\.svg$/;
const CHART_FILE = /(!\[[^\]\n]*\])\(([\w.-]+-monitoring\.svg)\)/g;

/** Points the report's chart image (a file name beside the report) at `chartUrl`, the server's copy. */
export function chartFileToUrl(source: string, chartUrl: string | undefined): string {
  return chartUrl && CHART_URL.test(chartUrl) ? source.replace(CHART_FILE, (_match, alt: string) => `${alt}(${chartUrl})`) : source;
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // only data: pictures load; an image elsewhere is a link the reader may follow, never a fetch
    image: ({ href, text }) =>
      isDataImage(href) || CHART_URL.test(href) ? `<img src="${href}" alt="${escapeHtml(text)}">` : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">image: ${escapeHtml(text || href)}</a>`,
  },
});

export interface RenderOptions {
  /** A ship report: its monitoring chart (see svgBlocksToImages) is shown as a picture. */
  chart?: boolean;
  /** A ship report's chart file is shown from here (GET /api/releases/:id/report/monitoring.svg). */
  chartUrl?: string;
}

/** Markdown → HTML before sanitizing: raw HTML escaped, the report's chart as an image. */
export function markdownToHtml(source: string, options: RenderOptions = {}): string {
  return marked.parse(options.chart ? chartFileToUrl(svgBlocksToImages(source), options.chartUrl) : source, { async: false });
}

let hooked = false;
function installHooks() {
  if (hooked) return;
  hooked = true;
  // data: URIs survive only as an <img>'s SVG/PNG/JPEG picture; nowhere else.
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    for (const name of ['src', 'href', 'xlink:href', 'action', 'formaction', 'poster']) {
      const value = node.getAttribute(name);
      if (value === null || !/^\s*data:/i.test(value)) continue;
      const allowed = node.nodeName === 'IMG' && name === 'src' && /^data:image\/(svg\+xml|png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$/.test(value);
      if (!allowed) node.removeAttribute(name);
    }
  });
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  installHooks();
  return DOMPurify.sanitize(markdownToHtml(source, options), { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] });
}
