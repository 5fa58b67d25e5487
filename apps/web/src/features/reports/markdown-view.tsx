// Renders Markdown sanitized; loaded lazily with marked and DOMPurify.
import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown';

export default function MarkdownView({ source, label, chart = false, chartUrl }: { source: string; label: string; chart?: boolean; chartUrl?: string }) {
  const html = useMemo(() => renderMarkdown(source, { chart, ...(chartUrl ? { chartUrl } : {}) }), [source, chart, chartUrl]);
  return <div className="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
