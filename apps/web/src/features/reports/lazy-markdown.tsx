// The Markdown renderer as a lazy chunk (keeps marked + DOMPurify out of the initial JS).
import { lazy, Suspense } from 'react';

const MarkdownView = lazy(() => import('./markdown-view'));

/** `chart`: the source is a ship report, whose monitoring chart is shown as a picture (from `chartUrl` when it links a file). */
export function LazyMarkdown({ source, label, chart = false, chartUrl }: { source: string; label: string; chart?: boolean; chartUrl?: string }) {
  return (
    <Suspense fallback={<pre className="markdown-fallback">{source}</pre>}>
      <MarkdownView source={source} label={label} chart={chart} {...(chartUrl ? { chartUrl } : {})} />
    </Suspense>
  );
}
