// The Markdown renderer as a lazy chunk (keeps marked + DOMPurify out of the initial JS).
import { lazy, Suspense } from 'react';

const MarkdownView = lazy(() => import('./markdown-view'));

export function LazyMarkdown({ source, label }: { source: string; label: string }) {
  return (
    <Suspense fallback={<pre className="markdown-fallback">{source}</pre>}>
      <MarkdownView source={source} label={label} />
    </Suspense>
  );
}
