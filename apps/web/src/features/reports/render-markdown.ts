// Markdown → safe HTML. Raw HTML in the source is escaped (shown as text, like any other
// character), then DOMPurify sanitizes the result as a second line of defence.
// The one exception: an inline `<svg>…</svg>` block (the engine's monitoring chart) is turned
// into an <img> with a data: URI first. An SVG loaded as an image never runs script, so even
// `<svg onload=…>` is only ever a picture.
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

/** Replaces every `<svg …>…</svg>` block with a Markdown image of it (a data: URI). */
export function svgBlocksToImages(source: string): string {
  return source.replace(SVG_BLOCK, (svg) => `\n\n![Monitoring chart](${SVG_DATA_URI_PREFIX}${toBase64(svg)})\n\n`);
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
  },
});

/** Markdown → HTML before sanitizing: raw HTML escaped, svg blocks as images. */
export function markdownToHtml(source: string): string {
  return marked.parse(svgBlocksToImages(source), { async: false });
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

export function renderMarkdown(source: string): string {
  installHooks();
  return DOMPurify.sanitize(markdownToHtml(source), { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] });
}
