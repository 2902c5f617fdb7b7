/**
 * Vite config of the web UI. Build: `vite build --config src/web/vite.config.ts` → dist/web/.
 * Dev: `vite --config src/web/vite.config.ts`; /api goes to the jixiao server (`jixiao serve`, port 3000).
 *
 * The build (issue 13): each page is a chunk of its own (React.lazy in App.tsx); the libraries are
 * in vendor chunks apart from the app's code, so that a release that changes only the app leaves
 * their names (content hashes) as they were and browsers keep them (served `immutable`). Every
 * asset is written beside its .br and .gz (precompress.ts), which the server sends by Accept-Encoding.
 * `JIXIAO_UI_SINGLE_BUNDLE=1` builds the app as one script, as before the split (the bench's baseline).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.JIXIAO_API ?? 'http://localhost:3000';
const singleBundle = process.env.JIXIAO_UI_SINGLE_BUNDLE === '1';

const pkg = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](?:${names})[\\\\/]`, 'u');

/**
 * The vendor chunks, the group of highest priority that matches taking a module. React and the
 * router are on every page; so is what the app's shell needs of the other libraries (antd's
 * theme, layout, menu, form…: `$initial`, the entry's static imports), in one file. The rest of
 * antd and what it is made of is split by the pages that use each part (`entriesAware`): the
 * login page loads the form, input and button, not the table or the date picker. echarts only on
 * the dashboard. The rest of node_modules (zod, dayjs…) likewise.
 */
const VENDOR_GROUPS = [
  { name: 'vendor-react', test: pkg('react|react-dom|scheduler|react-router|react-router-dom|cookie|set-cookie-parser'), priority: 40 },
  { name: 'vendor-initial', test: /[\\/]node_modules[\\/]/u, tags: ['$initial' as const], priority: 35 },
  { name: 'vendor-echarts', test: pkg('echarts|zrender|echarts-for-react|size-sensor|tslib'), priority: 30 },
  {
    name: 'vendor-antd',
    test: pkg('antd|@ant-design|@rc-component|rc-[^/\\\\]+|@babel[\\\\/]runtime|@emotion|stylis|classnames|clsx|dayjs|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|toggle-selection|copy-to-clipboard|resize-observer-polyfill|is-mobile'),
    priority: 20, entriesAware: true,
  },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/u, priority: 10, entriesAware: true },
];

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // echarts alone (the dashboard's chunk) is larger than Vite's default warning of 500 kB.
    chunkSizeWarningLimit: singleBundle ? 4000 : 1200,
    rolldownOptions: {
      output: {
        // Rolldown's form of Rollup's `manualChunks` (which Vite 8 still accepts, deprecated).
        codeSplitting: singleBundle ? false : { groups: VENDOR_GROUPS },
        // A chunk split by the pages that use it is named after them all (vendor-antd~LoginPage~…);
        // its file keeps the group's name, the content hash telling the chunks apart.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
      },
    },
  },
  server: { port: 5173, proxy: { '/api': { target: api, changeOrigin: false } } },
  preview: { port: 4173, proxy: { '/api': { target: api, changeOrigin: false } } },
});
