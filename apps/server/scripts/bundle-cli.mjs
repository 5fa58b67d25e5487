// Bundles the CLI entry after tsc: dist/cli/main.js becomes one small file that loads, per
// command, one chunk holding everything that command needs (core, runtime, yaml, semver,
// undici) instead of ~200 modules resolved one by one — `shipgate promote` starts ~100 ms
// sooner (bench/promote.bench.mjs). `serve` and `demo` stay the tsc output beside it
// (dist/cli/commands/*.js): the server finds its web root and migrations relative to its
// own files, and a start-up of a long-running server is not worth bundling.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SERVER_COMMANDS = /^\.\/commands\/(serve|demo)-command\.js$/;

rmSync(`${root}/dist/cli/chunks`, { recursive: true, force: true });
rmSync(`${root}/dist/cli/main.js.map`, { force: true }); // tsc's map of the file the bundle replaces
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // CommonJS dependencies (yaml, semver, undici) require node's modules: give the ESM bundle a require
  banner: { js: "import { createRequire as __shipgateRequire } from 'node:module';\nconst require = __shipgateRequire(import.meta.url);" },
  plugins: [
    {
      name: 'server-commands-stay-tsc-output',
      setup(b) {
        b.onResolve({ filter: SERVER_COMMANDS }, (args) => (args.importer.endsWith('/src/cli/main.ts') ? { path: args.path, external: true } : undefined));
      },
    },
  ],
});
