import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code. Tests named *.slow.test.ts use real git,
// SQLite, processes or servers; they always run (they are only named so you can pick them).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
