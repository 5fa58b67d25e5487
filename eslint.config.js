// Lint: typescript-eslint's recommended rules, plus the boundary that keeps
// packages/core a pure library reaching the world only through its context ports.
import tseslint from 'typescript-eslint';

const coreForbidden = [
  { name: 'node:child_process', message: 'core runs programs only through ctx.exec (see context.ts)' },
  { name: 'child_process', message: 'core runs programs only through ctx.exec (see context.ts)' },
  { name: 'node:net', message: 'core opens sockets only through ctx.net' },
  { name: 'node:fs', message: 'core touches files only through ctx.fs' },
  { name: 'node:fs/promises', message: 'core touches files only through ctx.fs' },
  { name: 'fastify', message: 'core must not depend on the server' },
  { name: 'drizzle-orm', message: 'core must not depend on the database' },
  { name: 'better-sqlite3', message: 'core must not depend on the database' },
  { name: 'react', message: 'core must not depend on the UI' },
  { name: 'undici', message: 'core does HTTP only through ctx.http' },
  { name: 'node:http', message: 'core does HTTP only through ctx.http' },
  { name: 'node:https', message: 'core does HTTP only through ctx.http' },
];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.shipgate/**', '.demo/**', '.tools/**', 'e2e/test-results/**', 'e2e/playwright-report/**', 'apps/server/drizzle/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: coreForbidden, patterns: [{ group: ['fastify*', '@fastify/*', 'drizzle-orm/*', 'react-dom*'], message: 'core stays free of server, database and UI code' }] }],
    },
  },
);
