/**
 * Vite config of the web UI. Build: `vite build --config src/web/vite.config.ts` → dist/web/.
 * Dev: `vite --config src/web/vite.config.ts`; /api goes to the jixiao server (`jixiao serve`, port 3000).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.JIXIAO_API ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd + echarts make one large vendor chunk; the warning says nothing useful here.
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173, proxy: { '/api': { target: api, changeOrigin: false } } },
  preview: { port: 4173, proxy: { '/api': { target: api, changeOrigin: false } } },
});
