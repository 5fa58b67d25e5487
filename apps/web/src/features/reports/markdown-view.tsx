// Renders Markdown sanitized; loaded lazily with marked and DOMPurify.
import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown';

export default function MarkdownView({ source, label }: { source: string; label: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className="markdown" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
