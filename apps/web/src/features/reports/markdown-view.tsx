// Renders Markdown sanitized; loaded lazily with marked and DOMPurify.
import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown';

export default function MarkdownView({ source, label, chart = false }: { source: string; label: string; chart?: boolean }) {
  const html = useMemo(() => renderMarkdown(source, { chart }), [source, chart]);
  return <div className="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
