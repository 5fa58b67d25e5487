// Prints the gzip size of the initial JavaScript (the entry chunk and its static imports)
// after every build, and fails the build when it exceeds the budget.
import type { Plugin } from 'vite';
import { gzipSync } from 'node:zlib';

interface ChunkLike {
  type: 'chunk' | 'asset';
  isEntry?: boolean;
  imports?: string[];
  code?: string;
}

export function entrySizeReport({ budgetKb }: { budgetKb: number }): Plugin {
  return {
    name: 'shipgate:entry-size-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = bundle as unknown as Record<string, ChunkLike>;
      const initial = new Set<string>();
      const visit = (file: string): void => {
        const chunk = chunks[file];
        if (!chunk || chunk.type !== 'chunk' || initial.has(file)) return;
        initial.add(file);
        for (const dep of chunk.imports ?? []) visit(dep);
      };
      for (const [file, chunk] of Object.entries(chunks)) if (chunk.isEntry) visit(file);
      let total = 0;
      for (const file of initial) total += gzipSync(chunks[file]?.code ?? '').length;
      const kb = total / 1024;
      const line = `initial JS: ${kb.toFixed(1)} KB gzip (${[...initial].join(', ')}), budget ${budgetKb} KB`;
      console.log(`\n${line}`);
      if (kb > budgetKb) this.error(`over budget: ${line}`);
    },
  };
}
