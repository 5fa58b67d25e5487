// Core's folders depend one way (packages/core/README.md): no folder imports a folder that
// imports it back, directly or through others. Read from the source, so a new import that
// closes a loop fails here with the files that make it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A folder under src/, or the file's own name for the files at the root (errors, context, events…). */
function unit(path: string): string {
  const rel = relative(SRC, path);
  return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.(ts|js)$/, '');
}

function importGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const from = unit(file);
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const to = unit(normalize(join(dirname(file), match[1]!)));
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), relative(SRC, file)]);
      graph.set(from, edges);
    }
  }
  return graph;
}

function reaches(graph: Map<string, Map<string, string[]>>, start: string, goal: string): boolean {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const at = stack.pop()!;
    if (at === goal) return true;
    if (seen.has(at)) continue;
    seen.add(at);
    stack.push(...(graph.get(at)?.keys() ?? []));
  }
  return false;
}

describe('core folders', () => {
  it('depend one way: no import runs back up', () => {
    const graph = importGraph();
    const loops: string[] = [];
    for (const [from, edges] of graph) {
      for (const [to, files] of edges) if (reaches(graph, to, from)) loops.push(`${from} → ${to} (${files.slice(0, 2).join(', ')}) and back`);
    }
    expect(loops).toEqual([]);
  });

  it('keep the shared vocabularies and shapes at the bottom: model/ imports only errors.ts', () => {
    const graph = importGraph();
    expect([...(graph.get('model')?.keys() ?? [])]).toEqual(['errors']);
  });

  it('detects a loop when there is one (the check can fail)', () => {
    const graph = new Map([
      ['plan', new Map([['release', ['plan/plan-release.ts']]])],
      ['release', new Map([['plan', ['release/run-release.ts']]])],
    ]);
    expect(reaches(graph, 'release', 'plan')).toBe(true);
    expect(reaches(graph, 'plan', 'model')).toBe(false);
  });
});
