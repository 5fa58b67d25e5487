import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { entrySizeReport } from './build/entry-size-report.ts';

export default defineConfig({
  plugins: [react(), entrySizeReport({ budgetKb: 200 })],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:4400', ws: true, changeOrigin: false },
    },
  },
});
