import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';

// The web app lives in src/web (its index.html included); the server serves the build from dist/web.
const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const apiTarget = 'http://localhost:3000';
/** The light build's manifest, under dist/web (a dot folder: never served as a root file). */
const LITE_MANIFEST = '.vite/lite-manifest.json';

// The public pages (catalogue, procedure, tracking, a commune's home) are a second, light app: lite.html,
// built with react → preact/compat and without Mantine, so a citizen's first load stays under the
// 100 KiB budget (issue 14 item 6; e2e/byte-budget.spec.ts). The server picks the shell by path
// (src/web/lite/public-paths.ts). Same source components, same router and i18n libraries.
function liteConfig(): InlineConfig {
  return {
    configFile: false,
    root: webRoot,
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    resolve: {
      alias: [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
      ],
    },
    build: {
      outDir,
      emptyOutDir: false,
      sourcemap: true,
      // Read by the server to hint a deep link's own chunk in the shell (src/server/http/web-app.ts).
      manifest: LITE_MANIFEST,
      rolldownOptions: {
        input: path.join(webRoot, 'lite.html'),
        output: {
          // Slow 3G over HTTP/1.1 (six connections, 400 ms each round trip): the code every public page
          // shares — Preact, router, query, i18n, the API client, the page frame — is one chunk instead
          // of seven small ones queued behind each other (bench/web-load). The kiosk/board, the
          // signed-in citizen's pages, the notices pages (with their strings) and the feedback pages keep their own chunks.
          codeSplitting: {
            groups: [
              {
                name: 'lite-common',
                minShareCount: 2,
                test: (id: string) =>
                  !/features[\\/](queue|citizen|notices|feedback)[\\/]|i18n[\\/](en|ru)\.json|\.notices\.json|i18n[\\/]\w+\.feedback\.json/.test(
                    id,
                  ),
              },
            ],
          },
        },
      },
    },
  };
}

// Rural 3G: the server sends each asset from its brotli or gzip twin, compressed once here at the
// highest levels instead of per request.
function precompress() {
  const dir = path.join(outDir, 'assets');
  for (const name of fs.readdirSync(dir)) {
    if (!/\.(js|css|svg|json|txt)$/.test(name)) continue;
    const file = path.join(dir, name);
    const data = fs.readFileSync(file);
    if (data.length < 1024) continue;
    const br = zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
  }
}

/** After the staff app: the light app into the same folder, then every asset's compressed twins. */
function liteAndPrecompress(): Plugin {
  return {
    name: 'motcua-lite-and-precompress',
    apply: 'build',
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        await build(liteConfig());
        precompress();
      },
    },
  };
}

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [react(), liteAndPrecompress()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
